using FleetManager.Core.Errors;
using FleetManager.Core.Diagnostics;
using FleetManager.Core.Geo;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FleetManager.Service.Readers;

namespace FleetManager.Service.Sources;

/// <summary>Builds each configured source's <see cref="SourceWorker"/>: its mailbox (by kind), its reader, its poller.</summary>
internal sealed class SourceWorkerFactory(
    IServiceProvider services,
    IEnumerable<IMailboxFactory> kinds,
    IEnumerable<IOrderReaderFactory> readers,
    IOrderBook orderBook,
    ICursorStore cursors,
    ILeaseStore leases,
    ServiceState state,
    ServiceIdentity identity,
    IOptions<ServiceOptions> options,
    IOptions<MailLimitsOptions> limits,
    FleetManagerMetrics metrics,
    SecretRedactor redactor,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public SourceWorker Create(ConfiguredSource source)
    {
        var kind = kinds.First(k => string.Equals(k.Kind, source.Options.Kind, StringComparison.OrdinalIgnoreCase));
        var readerFactory = readers.First(r => string.Equals(r.Name, source.Options.Reader, StringComparison.OrdinalIgnoreCase));
        var geocoder = services.GetService<IGeocoder>() ?? OfflineGazetteer.Shared;
        var processor = new MessageProcessor(new MimeEmailParser(limits.Value.ToParserOptions()), readerFactory.Create(services), geocoder, timeProvider)
        {
            MessageTimeout = readerFactory.MessageTimeout,
            Redact = redactor.Redact,
        };
        var poller = new MailboxPoller(processor, orderBook, cursors, timeProvider) { MaxBatch = source.Options.MaxBatch, MaxInFlight = readerFactory.MaxInFlight };
        var sourceState = state.Source(source.Name, kind.Kind, source.Options.Enabled);
        sourceState.NominalInterval = SourceSchedule.For(source.Options).NominalInterval(timeProvider.GetUtcNow());
        return new SourceWorker(source, kind.Create(source.Options, source.Section, services), poller, orderBook, leases, cursors, sourceState, identity,
            options.Value, metrics, redactor, timeProvider, loggerFactory.CreateLogger("FleetManager.Source"));
    }
}
