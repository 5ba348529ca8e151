using FleetManager.Core.Pipeline;

namespace FleetManager.Service.Readers;

/// <summary>
/// Makes the reader a source's <c>Reader</c> setting names (<c>rules</c>, <c>gemini</c>, <c>openai</c>).
/// Adding a reader is one class implementing this, registered as a singleton.
/// </summary>
public interface IOrderReaderFactory
{
    /// <summary>The <c>Reader</c> value this factory serves (case-insensitive).</summary>
    string Name { get; }

    /// <summary>How long one message may take to read before it is quarantined as abandoned.</summary>
    TimeSpan MessageTimeout { get; }

    /// <summary>Messages read at once in a poll: a model's <c>MaxConcurrentMessages</c>, so its rate limit is not spent on waiting.</summary>
    int MaxInFlight { get; }

    /// <summary>What is wrong with the reader's settings (empty: nothing); checked at start for readers some source uses.</summary>
    IEnumerable<string> Validate();

    IOrderReader Create(IServiceProvider services);
}
