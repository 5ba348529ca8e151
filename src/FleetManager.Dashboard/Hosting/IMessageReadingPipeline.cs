using FleetManager.Core.Pipeline;

namespace FleetManager.Dashboard.Hosting;

/// <summary>
/// The host's reading pipeline (parser, reader, geocoder as configured), for the dashboard's "reprocess" and
/// "reclassify". The executable registers it; without it those actions are not offered.
/// </summary>
public interface IMessageReadingPipeline
{
    /// <summary>The configured reader's name (<c>rules</c>, <c>gemini</c>, <c>openai</c>), shown beside the actions.</summary>
    string ReaderName { get; }

    /// <summary>The processor, built on first use (a missing model key surfaces then, as a configuration error).</summary>
    MessageProcessor Processor { get; }
}
