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
    /// <paramref name="configuration"/> (<c>DataDir</c> places the default token file), validated at start.
    /// </summary>
    public static IServiceCollection AddGmail(this IServiceCollection services, IConfiguration configuration)
    {
        var (google, gmail) = AddCredentialOptions(services, Options.DefaultName, configuration);
        google.ValidateOnStart();
        gmail.ValidateOnStart();
        services.TryAddKeyedSingleton<IGoogleAccessTokenProvider>(TokenProviderKey, (sp, _) => CreateTokenProvider(sp, Options.DefaultName));

        var client = services.AddHttpClient<GmailClient>((sp, http) => ConfigureClient(http, sp.GetRequiredService<IOptions<GmailOptions>>().Value));
        AddHandlers(client, sp => sp.GetRequiredService<IOptions<GmailOptions>>().Value, sp => sp.GetRequiredKeyedService<IGoogleAccessTokenProvider>(TokenProviderKey));

        services.TryAddTransient(sp => new GmailMailbox(
            sp.GetRequiredService<GmailClient>(), sp.GetRequiredService<IOptions<GmailOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<GmailMailbox>>()));
        return services;
    }

    /// <summary>
    /// Adds one more Gmail mailbox, a keyed <see cref="GmailMailbox"/> under <paramref name="key"/>, with
    /// <c>Google</c> and <c>Gmail</c> options named <paramref name="key"/> and bound from
    /// <paramref name="configuration"/>, its own token provider and its own HTTP client (so its circuit
    /// breaker and retries are its own): how a host with several Gmail accounts registers each. Nothing is
    /// validated at start; <see cref="GmailSourceFailures"/> says what is wrong with one source's settings,
    /// and the mailbox is built only when resolved.
    /// </summary>
    public static IServiceCollection AddGmailSource(this IServiceCollection services, string key, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        services.AddGoogleCredential(key, configuration);
        var clientName = "FleetManager.Gmail:" + key;
        var client = services.AddHttpClient(clientName, (sp, http) => ConfigureClient(http, GmailOptionsNamed(sp, key)));
        AddHandlers(client, sp => GmailOptionsNamed(sp, key), sp => sp.GetRequiredKeyedService<IGoogleAccessTokenProvider>(CredentialKey(key)));

        services.AddKeyedTransient(key, (sp, _) =>
        {
            var options = Options.Create(GmailOptionsNamed(sp, key));
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);
            return new GmailMailbox(
                new GmailClient(http, options, sp.GetRequiredService<GmailQuotaMeter>()), options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<GmailMailbox>>());
        });
        return services;
    }

    /// <summary>
    /// Adds a Google credential — the <c>Gmail:CredentialsFile</c> and token file of
    /// <paramref name="configuration"/>, as <c>fleetmanager auth google</c> wrote them — as the keyed
    /// <see cref="IGoogleAccessTokenProvider"/> <see cref="CredentialKey"/>(<paramref name="name"/>), its
    /// options named <paramref name="name"/>; read on first use, so a host that never asks for a token
    /// never touches the file.
    /// </summary>
    public static IServiceCollection AddGoogleCredential(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddCredentialOptions(services, name, configuration);
        services.TryAddKeyedSingleton<IGoogleAccessTokenProvider>(CredentialKey(name), (sp, _) => CreateTokenProvider(sp, name));
        return services;
    }

    /// <summary>The key of the token provider <see cref="AddGoogleCredential"/> registers under <paramref name="name"/>.</summary>
    public static string CredentialKey(string name) => TokenProviderKey + "/" + name;

    /// <summary>What is wrong with the Google and Gmail settings of the source <see cref="AddGmailSource"/> registered under <paramref name="key"/>; empty when none.</summary>
    public static IReadOnlyList<string> GmailSourceFailures(this IServiceProvider services, string key)
    {
        var failures = new List<string>();
        try
        {
            _ = services.GetRequiredService<IOptionsMonitor<GoogleOptions>>().Get(key);
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }

        try
        {
            _ = GmailOptionsNamed(services, key);
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }

        return failures;
    }

    private static (OptionsBuilder<GoogleOptions> Google, OptionsBuilder<GmailOptions> Gmail) AddCredentialOptions(IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
        var google = services.AddOptions<GoogleOptions>(name).Bind(configuration.GetSection(GoogleOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleOptions>, GoogleOptionsValidator>());
        var gmail = services.AddOptions<GmailOptions>(name)
            .Bind(configuration.GetSection(GmailOptions.SectionName))
            .PostConfigure(o => o.TokenFile = string.IsNullOrWhiteSpace(o.TokenFile) ? GmailOptions.DefaultTokenFile(configuration["DataDir"]) : o.TokenFile);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GmailOptions>, GmailOptionsValidator>());
        services.TryAddSingleton(sp => new GmailQuotaMeter(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        return (google, gmail);
    }

    private static GmailOptions GmailOptionsNamed(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<GmailOptions>>().Get(name);

    private static GoogleCredentialTokenProvider CreateTokenProvider(IServiceProvider services, string name)
    {
        var gmail = GmailOptionsNamed(services, name);
        return new GoogleCredentialTokenProvider(
            services.GetRequiredService<IOptionsMonitor<GoogleOptions>>().Get(name), gmail.CredentialsFile, gmail.TokenFile!, gmail.User, services.GetRequiredService<TimeProvider>());
    }

    private static void ConfigureClient(HttpClient http, GmailOptions options)
    {
        http.BaseAddress = options.BaseUrl;
        http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline's timeouts apply
    }

    private static void AddHandlers(IHttpClientBuilder client, Func<IServiceProvider, GmailOptions> options, Func<IServiceProvider, IGoogleAccessTokenProvider> tokens)
    {
        // Outermost: retries (configured once, here); inside it, per attempt, the bearer token and the body read.
        client.AddStandardResilienceHandler().Configure((resilience, sp) => ConfigureResilience(resilience, options(sp)));
        client.AddHttpMessageHandler(sp => new GoogleBearerTokenHandler(tokens(sp), options(sp).Scopes));
        client.AddHttpMessageHandler(() => new ResponseBufferingHandler());
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
