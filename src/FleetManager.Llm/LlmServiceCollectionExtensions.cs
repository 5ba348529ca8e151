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
    /// <summary>The keys of the readers <see cref="AddModelReaders"/> registers as keyed <see cref="IOrderReader"/> services.</summary>
    public static IReadOnlyList<string> ReaderKinds { get; } = ["rules", "gemini", "openai", "hybrid"];

    /// <summary>
    /// Binds <c>Reader</c>, <c>Gemini</c> and <c>OpenAI</c>; registers both model readers as typed
    /// clients and <see cref="IOrderReader"/> as the reader <c>Reader:Kind</c> names (behind the
    /// pre-filter for a model reader). Only the chosen reader's options are validated at start, so
    /// the offline default needs no key.
    /// </summary>
    public static IServiceCollection AddLlmReaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelReaders(configuration);
        var kind = configuration.GetSection(ReaderOptions.Section)["Kind"]?.Trim().ToLowerInvariant();
        if (kind == "hybrid")
        {
            kind = configuration.GetSection(ReaderOptions.Section)["HybridModel"]?.Trim().ToLowerInvariant() ?? "gemini";
        }

        services.AddOptions<ReaderOptions>().ValidateOnStart();
        if (kind == "gemini")
        {
            services.AddOptions<GeminiOptions>().ValidateOnStart();
        }
        else if (kind == "openai")
        {
            services.AddOptions<OpenAiOptions>().ValidateOnStart();
        }

        services.AddTransient<IOrderReader>(sp =>
        {
            var kind = sp.GetRequiredService<IOptions<ReaderOptions>>().Value.Kind;
            return sp.GetRequiredKeyedService<IOrderReader>(ReaderKinds.Contains(kind) ? kind : "rules");
        });
        return services;
    }

    /// <summary>
    /// Binds <c>Reader</c>, <c>Gemini</c> and <c>OpenAI</c> and registers every reader as a keyed
    /// <see cref="IOrderReader"/> (<see cref="ReaderKinds"/>): <c>gemini</c> and <c>openai</c> behind the
    /// pre-filter when <c>Reader:PreFilter</c> is on, <c>hybrid</c> the rules engine with
    /// <c>Reader:HybridModel</c> behind it. Nothing is validated at start: a host whose sources choose their
    /// readers asks <see cref="ModelReaderFailures"/> for the ones it uses, and a keyed reader is built only
    /// when resolved, so an unused model costs nothing.
    /// </summary>
    public static IServiceCollection AddModelReaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));

        services.AddOptions<ReaderOptions>().Bind(configuration.GetSection(ReaderOptions.Section));
        services.AddOptions<GeminiOptions>().Bind(configuration.GetSection(GeminiOptions.Section));
        services.AddOptions<OpenAiOptions>().Bind(configuration.GetSection(OpenAiOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReaderOptions>, ReaderOptionsDataValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeminiOptions>, GeminiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeminiOptions>, GeminiOptionsDataValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiOptions>, OpenAiOptionsDataValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiOptions>, OpenAiOptionsValidator>());

        AddModelClient<GeminiOrderReader, GeminiOptions>(services, "gemini", "Gemini", o => o.ApiKey, bearer: false);
        AddModelClient<OpenAiCompatibleOrderReader, OpenAiOptions>(services, "openai", "The OpenAI-compatible model", o => o.ApiKey, bearer: true);

        services.AddKeyedTransient<IOrderReader>("rules", (_, _) => new RulesOrderReader());
        services.AddKeyedTransient<IOrderReader>("gemini", (sp, _) => PreFiltered(sp, sp.GetRequiredService<GeminiOrderReader>()));
        services.AddKeyedTransient<IOrderReader>("openai", (sp, _) => PreFiltered(sp, sp.GetRequiredService<OpenAiCompatibleOrderReader>()));
        services.AddKeyedTransient<IOrderReader>("hybrid", (sp, _) =>
        {
            var reader = sp.GetRequiredService<IOptions<ReaderOptions>>().Value;
            IOrderReader model = reader.HybridModel switch
            {
                "gemini" => sp.GetRequiredService<GeminiOrderReader>(),
                "openai" => sp.GetRequiredService<OpenAiCompatibleOrderReader>(),
                _ => new RulesOrderReader(),
            };
            // The rules engine already decided what is not an order; the pre-filter has nothing left to save.
            return new HybridOrderReader(new RulesOrderReader(), model, reader.HybridThreshold, sp.GetRequiredService<ILogger<HybridOrderReader>>());
        });
        return services;
    }

    /// <summary>The options of the reader <c>Reader:Kind</c> names (its message timeout and concurrency), or null for the rules engine.</summary>
    public static ModelReaderOptions? ChosenModelOptions(this IServiceProvider services)
    {
        var reader = services.GetRequiredService<IOptions<ReaderOptions>>().Value;
        return services.ModelOptions(reader.Kind == "hybrid" ? reader.HybridModel : reader.Kind);
    }

    /// <summary>The options of the model reader <paramref name="kind"/> (<c>gemini</c>, <c>openai</c>), or null for any other kind.</summary>
    /// <exception cref="OptionsValidationException">The model's settings are missing or invalid.</exception>
    public static ModelReaderOptions? ModelOptions(this IServiceProvider services, string kind) => kind switch
    {
        "gemini" => services.GetRequiredService<IOptions<GeminiOptions>>().Value,
        "openai" => services.GetRequiredService<IOptions<OpenAiOptions>>().Value,
        _ => null,
    };

    /// <summary>
    /// What is wrong with the settings the reader <paramref name="kind"/> needs (the <c>Reader</c> section and
    /// its model's), each failure once; empty when it may be used.
    /// </summary>
    public static IReadOnlyList<string> ModelReaderFailures(this IServiceProvider services, string kind)
    {
        var failures = new List<string>();
        try
        {
            _ = services.GetRequiredService<IOptions<ReaderOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }

        try
        {
            _ = services.ModelOptions(kind);
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }

        return failures.Distinct().ToList();
    }

    private static IOrderReader PreFiltered(IServiceProvider services, IOrderReader model) =>
        services.GetRequiredService<IOptions<ReaderOptions>>().Value.PreFilter
            ? new PreFilteredOrderReader(model, services.GetRequiredService<ILogger<PreFilteredOrderReader>>())
            : model;

    private static void AddModelClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReader, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services, string name, string displayName, Func<TOptions, string?> key, bool bearer)
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
            var log = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(ModelRequestLog.Category);
            ModelResilience.Configure(builder, options, context.ServiceProvider.GetRequiredService<TimeProvider>(), log, displayName);
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
