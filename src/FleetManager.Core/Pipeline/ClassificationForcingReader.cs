using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// Reads with <paramref name="inner"/> but answers with the class a person chose. A reader that can extract as a
/// given class (<see cref="IClassificationForcibleReader"/>, the rules engine) does so; any other reader reads as
/// usual and its orders are kept only when the chosen class is <see cref="Classification.Order"/>, so forcing
/// "other" always removes a message's orders and forcing "order" never invents one.
/// </summary>
public sealed class ClassificationForcingReader(IOrderReader inner, Classification classification) : IOrderReader
{
    /// <summary>The class every answer carries.</summary>
    public Classification Classification => classification;

    public async ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var result = inner is IClassificationForcibleReader forcible
            ? await forcible.ReadAsAsync(email, classification, cancellationToken).ConfigureAwait(false)
            : await inner.ReadAsync(email, cancellationToken).ConfigureAwait(false);
        // A message the reader could not read at all stays quarantined with its reason: there is nothing to classify.
        return result.Error is not null ? result : result with
        {
            Classification = classification,
            Orders = classification == Classification.Order ? result.Orders : [],
        };
    }
}
