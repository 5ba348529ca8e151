using FleetManager.Google.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace FleetManager.Google.Sheets;

/// <summary>Registration of the Google Sheets sink.</summary>
public static class SheetsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SheetsOptions"/> (section <c>Sheets</c>, validated at start), the typed
    /// <see cref="SheetsClient"/> with its resilience pipeline and bearer handler, and the
    /// <see cref="SheetsOutboxPusher"/>. The caller registers an <see cref="IGoogleAccessTokenProvider"/>
    /// and an <see cref="Core.Pipeline.IOutbox"/>.
    /// </summary>
    public static IServiceCollection AddSheets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SheetsOptions>().Bind(configuration.GetSection(SheetsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SheetsOptions>, SheetsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var client = services.AddHttpClient<SheetsClient>((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<SheetsOptions>>().Value.BaseUrl;
                // The resilience pipeline owns the timeouts.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The pusher is a singleton holding its client: connections are recycled by the pool, not by the factory.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("sheets", static (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SheetsOptions>>().Value;
            builder
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        options.MaxRetryAttempts > 0 && SheetsRetryPolicy.ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome)),
                })
                .AddTimeout(options.AttemptTimeout);
        });

        // Added after the resilience handler, so it runs inside it: every attempt asks for a current token.
        client.AddHttpMessageHandler(provider => new GoogleBearerTokenHandler(provider.GetRequiredService<IGoogleAccessTokenProvider>(), [SheetsOptions.Scope]));
        services.TryAddSingleton<SheetsOutboxPusher>();
        return services;
    }
}
