using FleetManager.Core.Http;
using System.Diagnostics.CodeAnalysis;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Llm.Gemini;
using FleetManager.Llm.Http;
using FleetManager.Llm.Hybrid;
using FleetManager.Llm.OpenAi;
using FleetManager.Llm.PreFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FleetManager.Llm;

/// <summary>Registers the readers: options, typed HttpClients with auth, rate limit and resilience, and <see cref="IOrderReader"/> by <c>Reader:Kind</c>.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Reader</c>, <c>Gemini</c> and <c>OpenAI</c>; registers both model readers as typed
    /// clients and <see cref="IOrderReader"/> as the reader <c>Reader:Kind</c> names (behind the
    /// pre-filter for a model reader). Only the chosen reader's options are validated at start, so
    /// the offline default needs no key.
    /// </summary>
    public static IServiceCollection AddLlmReaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));

        services.AddOptions<ReaderOptions>().Bind(configuration.GetSection(ReaderOptions.Section)).ValidateOnStart();
        var gemini = services.AddOptions<GeminiOptions>().Bind(configuration.GetSection(GeminiOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReaderOptions>, ReaderOptionsDataValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeminiOptions>, GeminiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeminiOptions>, GeminiOptionsDataValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiOptions>, OpenAiOptionsDataValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiOptions>, OpenAiOptionsValidator>());
        var openAi = services.AddOptions<OpenAiOptions>().Bind(configuration.GetSection(OpenAiOptions.Section));

        var kind = configuration.GetSection(ReaderOptions.Section)["Kind"]?.Trim().ToLowerInvariant();
        if (kind == "hybrid")
        {
            kind = configuration.GetSection(ReaderOptions.Section)["HybridModel"]?.Trim().ToLowerInvariant() ?? "gemini";
        }

        if (kind == "gemini")
        {
            gemini.ValidateOnStart();
        }
        else if (kind == "openai")
        {
            openAi.ValidateOnStart();
        }

        AddModelClient<GeminiOrderReader, GeminiOptions>(services, "gemini", o => o.ApiKey, bearer: false);
        AddModelClient<OpenAiCompatibleOrderReader, OpenAiOptions>(services, "openai", o => o.ApiKey, bearer: true);

        services.AddTransient<IOrderReader>(sp =>
        {
            var reader = sp.GetRequiredService<IOptions<ReaderOptions>>().Value;
            var modelKind = reader.Kind == "hybrid" ? reader.HybridModel : reader.Kind;
            IOrderReader model = modelKind switch
            {
                "gemini" => sp.GetRequiredService<GeminiOrderReader>(),
                "openai" => sp.GetRequiredService<OpenAiCompatibleOrderReader>(),
                _ => new RulesOrderReader(),
            };
            if (reader.Kind == "hybrid")
            {
                // The rules engine already decided what is not an order; the pre-filter has nothing left to save.
                return new HybridOrderReader(new RulesOrderReader(), model, reader.HybridThreshold, sp.GetRequiredService<ILogger<HybridOrderReader>>());
            }

            return reader.Kind is "gemini" or "openai" && reader.PreFilter
                ? new PreFilteredOrderReader(model, sp.GetRequiredService<ILogger<PreFilteredOrderReader>>())
                : model;
        });
        return services;
    }

    /// <summary>The options of the reader <c>Reader:Kind</c> names (its message timeout and concurrency), or null for the rules engine.</summary>
    public static ModelReaderOptions? ChosenModelOptions(this IServiceProvider services)
    {
        var reader = services.GetRequiredService<IOptions<ReaderOptions>>().Value;
        return (reader.Kind == "hybrid" ? reader.HybridModel : reader.Kind) switch
        {
            "gemini" => services.GetRequiredService<IOptions<GeminiOptions>>().Value,
            "openai" => services.GetRequiredService<IOptions<OpenAiOptions>>().Value,
            _ => null,
        };
    }

    private static void AddModelClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReader, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services, string name, Func<TOptions, string?> key, bool bearer)
        where TReader : class
        where TOptions : ModelReaderOptions
    {
        services.AddKeyedSingleton(name, (sp, _) =>
            RequestSpacingRateLimiter.PerMinute(sp.GetRequiredService<IOptions<TOptions>>().Value.RequestsPerMinute, sp.GetRequiredService<TimeProvider>()));

        var client = services.AddHttpClient<TReader>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            http.BaseAddress = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
            // The resilience pipeline bounds each attempt; the message timeout bounds the whole.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler(name, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
            ModelResilience.Configure(builder, options, context.ServiceProvider.GetRequiredService<TimeProvider>());
        });
        // Inside the resilience handler: every attempt takes a permit and carries the key.
        client.AddHttpMessageHandler(sp =>
        {
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(ModelRequestLog.Category);
            return new RateLimitingHandler(sp.GetRequiredKeyedService<RequestSpacingRateLimiter>(name), sp.GetRequiredService<TimeProvider>(), at => ModelRequestLog.Permitted(log, name, at));
        });
        client.AddHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
            return new ApiKeyHeaderHandler(() => key(options.CurrentValue), bearer);
        });
        client.AddHttpMessageHandler(() => new ResponseBufferingHandler());
    }
}
