namespace FleetManager.Core.Model;

/// <summary>
/// A parsed message: what every reader (rules engine, LLMs) works from. Bodies are plain text;
/// HTML has been turned into readable text with table rows kept as lines.
/// </summary>
public sealed record Email
{
    /// <summary>The Message-ID header as written, angle brackets included, or a stable synthetic id.</summary>
    public required string MessageId { get; init; }

    /// <summary>False when <see cref="MessageId"/> was synthesised (the header was missing).</summary>
    public bool HasMessageIdHeader { get; init; } = true;

    public string? Subject { get; init; }
    public EmailAddress? From { get; init; }
    public IReadOnlyList<EmailAddress> To { get; init; } = [];

    /// <summary>The Date header; readers infer missing years from it.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The new text of the message (for a reply: what the sender wrote above the quote).</summary>
    public string Body { get; init; } = "";

    /// <summary>Quoted earlier messages of a reply, kept apart from <see cref="Body"/>; empty when none.</summary>
    public string QuotedText { get; init; } = "";

    /// <summary>True when the body holds a forwarded message (its text is part of <see cref="Body"/>).</summary>
    public bool IsForward { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Headers that matter to classification (List-Unsubscribe, Auto-Submitted, Precedence,
    /// X-Autoreply, Content-Type of the report...), names lower-cased.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
