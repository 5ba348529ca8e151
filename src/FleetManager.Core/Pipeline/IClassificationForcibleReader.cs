using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// A reader that can read a message as a class a person chose (a dispatcher's "this is an order" on a message it
/// classified as other): it extracts what it would extract from a message of that class.
/// </summary>
public interface IClassificationForcibleReader : IOrderReader
{
    /// <summary>The message read as <paramref name="classification"/>: orders extracted for <see cref="Classification.Order"/>, none otherwise.</summary>
    ValueTask<EmailResult> ReadAsAsync(Email email, Classification classification, CancellationToken cancellationToken);
}
