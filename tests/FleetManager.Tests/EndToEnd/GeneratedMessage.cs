namespace FleetManager.Tests.EndToEnd;

/// <summary>
/// One message of <see cref="GeneratedMailbox"/> with the truth about it: what a perfect model answers
/// (<see cref="AnswerJson"/>), the orders it holds, and whether the pre-filter should decide it.
/// </summary>
/// <param name="MessageId">The <c>Message-ID</c> header, angle brackets included.</param>
/// <param name="Kind">The template it was written from (for failure messages).</param>
/// <param name="Raw">The RFC 822 bytes.</param>
/// <param name="AnswerJson">The model answer for it (classification and orders), or null when the model blocks it.</param>
/// <param name="Orders">The orders in it, in the message's order.</param>
/// <param name="PreFiltered">Certainly not an order by its headers (bulk mail without order vocabulary, an auto-reply): no model call.</param>
/// <param name="Bulk">Sent as bulk mail (<c>List-Unsubscribe</c>), whether or not it holds orders.</param>
internal sealed record GeneratedMessage(
    string MessageId,
    string Kind,
    byte[] Raw,
    string? AnswerJson,
    IReadOnlyList<GeneratedOrder> Orders,
    bool PreFiltered,
    bool Bulk)
{
    /// <summary>The model refuses it (a blocked prompt): the message ends quarantined.</summary>
    public bool Blocked => AnswerJson is null;
}
