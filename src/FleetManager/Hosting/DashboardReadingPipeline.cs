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
/// The reading pipeline behind the dashboard's "reprocess" and "reclassify", under <c>serve</c> and <c>run</c>: the
/// reader of <c>Reader:Kind</c> (rules by default) and the configured geocoder with the order book's geocode cache,
/// resolved from the web host's own container (<see cref="MessageReadingServiceCollectionExtensions.AddMessageReading"/>)
/// on the first reprocess, so a dashboard used only for review builds no reader.
/// </summary>
internal sealed class DashboardReadingPipeline(IServiceProvider services, IConfiguration configuration) : IMessageReadingPipeline
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

    private MessageProcessor Build()
    {
        // As the verbs' ReaderPipeline: every setting the reader needs is checked before it reads a message.
        var model = ReaderName == "hybrid" ? services.GetRequiredService<IOptions<ReaderOptions>>().Value.HybridModel : ReaderName;
        var failures = services.ModelReaderFailures(ReaderName).Concat(model == ReaderName ? [] : services.ModelReaderFailures(model)).Distinct().ToList();
        if (!LlmServiceCollectionExtensions.ReaderKinds.Contains(ReaderName))
        {
            failures.Add($"Reader:Kind '{ReaderName}' is unknown: use one of {string.Join(", ", LlmServiceCollectionExtensions.ReaderKinds)}.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(ReaderOptions.Section, typeof(ReaderOptions), failures);
        }

        var limits = ConfiguredMailLimits.Read(configuration);
        return new MessageProcessor(new MimeEmailParser(limits), services.GetRequiredKeyedService<IOrderReader>(ReaderName), services.GetRequiredService<IGeocoder>())
        {
            MessageTimeout = services.ModelOptions(model)?.MessageTimeout ?? TimeSpan.FromSeconds(30),

            // Quarantine reasons go into the ledger and onto the page: no key an error body echoed.
            Redact = ConfiguredSecrets.Redactor(configuration).Redact,
        };
    }
}
