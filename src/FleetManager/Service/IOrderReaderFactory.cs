using FleetManager.Core.Pipeline;

namespace FleetManager.Service;

/// <summary>
/// Makes the reader a source's <c>Reader</c> setting names (<c>rules</c>, <c>gemini</c>, <c>openai</c>).
/// Adding a reader is one class implementing this, registered as a singleton.
/// </summary>
public interface IOrderReaderFactory
{
    /// <summary>The <c>Reader</c> value this factory serves (case-insensitive).</summary>
    string Name { get; }

    IOrderReader Create(IServiceProvider services);
}
