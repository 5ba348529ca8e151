using FleetManager.Core.Geo;
using FleetManager.Core.Pipeline;
using FleetManager.Dashboard.Hosting;
using FleetManager.Llm;
using FleetManager.Mail.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Hosting;

/// <summary>
/// The reading pipeline behind the dashboard's "reprocess" and "reclassify" (under <c>serve</c> and <c>run</c>) and
/// behind the reader verbs (<c>import</c>, <c>extract</c>, <c>eval</c>, <c>reprocess</c>, through
/// <see cref="ReaderPipeline"/>): the reader of <c>Reader:Kind</c> (rules by default) and the geocoder registered in
/// the host (the configured one with the order book's cache; none leaves the stops' coordinates null, as
/// <c>extract</c> without <c>--geocode</c> and <c>eval</c> want), resolved from the host's own container
/// (<see cref="MessageReadingServiceCollectionExtensions.AddMessageReading(IServiceCollection, IConfiguration, bool)"/>)
/// on first use, so a dashboard used only for review builds no reader.
/// </summary>
/// <param name="services">The host's services, where the readers and the geocoder are registered.</param>
/// <param name="configuration">The host's configuration (<c>Reader:Kind</c>, the <c>Limits</c>, the secrets to mask).</param>
internal sealed class LazyMessageReadingPipeline(IServiceProvider services, IConfiguration configuration) : IMessageReadingPipeline
{
    private readonly Lock _gate = new();
    private MessageProcessor? _processor;

    public string ReaderName { get; } = configuration["Reader:Kind"]?.Trim() is { Length: > 0 } kind ? kind.ToLowerInvariant() : "rules";

    /// <exception cref="OptionsValidationException">The reader or the geocoder is not configured (a missing key): nothing is read.</exception>
    public MessageProcessor Processor
    {
        get
        {
            lock (_gate)
            {
                return _processor ??= Build();
            }
        }
    }

    /// <summary>What is wrong with the settings the reader needs (its <c>Reader</c> section and its model's), each once; empty when it may read.</summary>
    public IReadOnlyList<string> Failures()
    {
        var model = ModelName();
        var failures = services.ModelReaderFailures(ReaderName).Concat(model == ReaderName ? [] : services.ModelReaderFailures(model)).Distinct().ToList();
        if (!LlmServiceCollectionExtensions.ReaderKinds.Contains(ReaderName))
        {
            failures.Add($"Reader:Kind '{ReaderName}' is unknown: use one of {string.Join(", ", LlmServiceCollectionExtensions.ReaderKinds)}.");
        }

        return failures;
    }

    /// <summary>The model behind the reader: the hybrid reader's <c>Reader:HybridModel</c>, else the reader itself.</summary>
    private string ModelName() => ReaderName == "hybrid" ? services.GetRequiredService<IOptions<ReaderOptions>>().Value.HybridModel : ReaderName;

    private MessageProcessor Build()
    {
        // Every setting the reader needs is checked before it reads a message.
        var failures = Failures();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(ReaderOptions.Section, typeof(ReaderOptions), failures);
        }

        var model = ModelName();
        var limits = ConfiguredMailLimits.Read(configuration);
        return new MessageProcessor(new MimeEmailParser(limits), services.GetRequiredKeyedService<IOrderReader>(ReaderName), services.GetService<IGeocoder>())
        {
            MessageTimeout = services.ModelOptions(model)?.MessageTimeout ?? TimeSpan.FromSeconds(30),

            // Quarantine reasons go into the ledger and onto the page: no key an error body echoed.
            Redact = ConfiguredSecrets.Redactor(configuration).Redact,
        };
    }
}
