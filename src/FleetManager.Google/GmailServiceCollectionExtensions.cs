using FleetManager.Core.Http;
using FleetManager.Google.Auth;
using FleetManager.Google.Gmail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetManager.Google;

/// <summary>Registers the Gmail mailbox: options (validated at start), the token provider, and the typed HTTP client with its handlers.</summary>
public static class GmailServiceCollectionExtensions
{
    /// <summary>The key of the <see cref="IGoogleAccessTokenProvider"/> the Gmail client uses (keyed, so Sheets may use another credential).</summary>
    public const string TokenProviderKey = "gmail";

    /// <summary>
    /// Adds <see cref="GmailMailbox"/> bound to the <c>Google</c> and <c>Gmail</c> sections of
    /// <paramref name="configuration"/> (<c>DataDir</c> places the default token file).
    /// </summary>
    public static IServiceCollection AddGmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions<GoogleOptions>()
            .Bind(configuration.GetSection(GoogleOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleOptions>, GoogleOptionsValidator>());
        services.AddOptions<GmailOptions>()
            .Bind(configuration.GetSection(GmailOptions.SectionName))
            .PostConfigure(o => o.TokenFile = string.IsNullOrWhiteSpace(o.TokenFile) ? GmailOptions.DefaultTokenFile(configuration["DataDir"]) : o.TokenFile)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GmailOptions>, GmailOptionsValidator>());

        services.TryAddSingleton(sp => new GmailQuotaMeter(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddKeyedSingleton<IGoogleAccessTokenProvider>(TokenProviderKey, (sp, _) =>
        {
            var gmail = sp.GetRequiredService<IOptions<GmailOptions>>().Value;
            return new GoogleCredentialTokenProvider(
                sp.GetRequiredService<IOptions<GoogleOptions>>().Value, gmail.CredentialsFile, gmail.TokenFile!, gmail.User, sp.GetRequiredService<TimeProvider>());
        });

        var client = services.AddHttpClient<GmailClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<GmailOptions>>().Value.BaseUrl;
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline's timeouts apply
        });

        // Outermost: retries (configured once, here); inside it, per attempt, the bearer token and the body read.
        client.AddStandardResilienceHandler().Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<GmailOptions>>().Value));
        client.AddHttpMessageHandler(sp => new GoogleBearerTokenHandler(
            sp.GetRequiredKeyedService<IGoogleAccessTokenProvider>(TokenProviderKey), sp.GetRequiredService<IOptions<GmailOptions>>().Value.Scopes));
        client.AddHttpMessageHandler(() => new ResponseBufferingHandler());

        services.TryAddTransient(sp => new GmailMailbox(
            sp.GetRequiredService<GmailClient>(), sp.GetRequiredService<IOptions<GmailOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<GmailMailbox>>()));
        return services;
    }

    /// <summary>The share of failed attempts (within the sampling window) that opens the Gmail client's circuit breaker.</summary>
    internal const double GmailCircuitBreakerFailureRatio = 0.5;

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, GmailOptions options)
    {
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts);
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.MaxDelay = options.MaxRetryDelay;
        resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        // Retry-After is honoured up to MaxRetryDelay (as documented): the library's own header
        // handling would wait whatever the server asks, beyond the configured ceiling.
        resilience.Retry.ShouldRetryAfterHeader = false;
        resilience.Retry.DelayGenerator = args => ValueTask.FromResult(GmailTransientFailures.RetryAfter(args.Outcome.Result, options.MaxRetryDelay));
        resilience.Retry.ShouldHandle = args => GmailTransientFailures.ShouldRetryAsync(args.Outcome);
        if (options.MaxRetryAttempts == 0)
        {
            resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
        }

        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = (options.AttemptTimeout + options.MaxRetryDelay) * (resilience.Retry.MaxRetryAttempts + 1);
        resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);
        // Open only when half the attempts fail (an outage), not at the library's 10 %: the retries above
        // carry a mailbox that answers one call in three with an error, and a first full sync stores
        // its cursor only at its end, so a breaker tripping on every such run would never let it finish.
        resilience.CircuitBreaker.FailureRatio = GmailCircuitBreakerFailureRatio;
        resilience.CircuitBreaker.ShouldHandle = args => GmailTransientFailures.ShouldRetryAsync(args.Outcome);
    }
}
