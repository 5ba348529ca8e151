using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using MimeKit;

namespace FleetManager.Dashboard.Messages;

/// <summary>
/// A stored message as the order page shows it: the analysed text (the text the reader read, which the
/// field evidence's offsets point into), the HTML part if any, and the attachments.
/// </summary>
public sealed class MessageView
{
    private readonly byte[] _raw;

    private MessageView(byte[] raw, string analysedText, string? html, IReadOnlyList<MessageAttachment> attachments)
    {
        _raw = raw;
        AnalysedText = analysedText;
        Html = html;
        Attachments = attachments;
    }

    /// <summary>The text the rules engine reads (subject, body, attachments' text), as <see cref="RulesDocument.Text"/>.</summary>
    public string AnalysedText { get; }

    /// <summary>The message's HTML body as sent (unsafe: only ever shown through <see cref="MailHtmlSanitizer"/>); null when it has none.</summary>
    public string? Html { get; }

    public IReadOnlyList<MessageAttachment> Attachments { get; }

    /// <summary>Parses <paramref name="raw"/> (the ledger's bytes as received).</summary>
    public static MessageView Parse(string sourceKey, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        string text;
        try
        {
            text = RulesDocument.From(new MimeEmailParser().Parse(new RawMessage(sourceKey, raw))).Text;
        }
        catch (FleetManager.Core.Errors.RejectedInputException exception)
        {
            // A message the parser refuses (it was quarantined, or limits changed since): say so instead of the text.
            text = "(The message's text cannot be shown: " + exception.Message + ")";
        }
        using var stream = new MemoryStream(raw, writable: false);
        var mime = MimeMessage.Load(stream);
        var attachments = mime.Attachments.Select((entity, index) => new MessageAttachment(
            index,
            AttachmentName(entity, index),
            entity.ContentType.MimeType,
            entity is MimePart part ? Length(part) : 0)).ToList();
        return new MessageView(raw, text, mime.HtmlBody, attachments);
    }

    /// <summary>The decoded content of attachment <paramref name="index"/>; null when there is no such attachment.</summary>
    public byte[]? AttachmentContent(int index)
    {
        using var stream = new MemoryStream(_raw, writable: false);
        var mime = MimeMessage.Load(stream);
        var entity = mime.Attachments.ElementAtOrDefault(index);
        if (entity is null)
        {
            return null;
        }

        using var output = new MemoryStream();
        if (entity is MimePart part)
        {
            part.Content?.DecodeTo(output);
        }
        else if (entity is MessagePart message)
        {
            message.Message?.WriteTo(output);
        }

        return output.ToArray();
    }

    private static string AttachmentName(MimeEntity entity, int index) =>
        entity.ContentDisposition?.FileName ?? entity.ContentType.Name ?? $"attachment-{index + 1}";

    private static long Length(MimePart part)
    {
        using var counter = new MemoryStream();
        part.Content?.DecodeTo(counter);
        return counter.Length;
    }
}
