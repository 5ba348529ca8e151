using System.Text;
using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using MimeKit;
using UglyToad.PdfPig;

namespace FleetManager.Mail;

/// <summary>Provisional MimeKit parser: plain or stripped-HTML body plus PDF text.</summary>
public sealed partial class MimeEmailParser : IEmailParser
{
    public Email Parse(RawMessage message)
    {
        if (message.ReadError is not null)
        {
            throw new MessageQuarantinedException(message.ReadError);
        }

        MimeMessage mime;
        try
        {
            using var stream = new MemoryStream(message.Bytes.ToArray());
            mime = MimeMessage.Load(stream);
        }
        catch (FormatException ex)
        {
            throw new MessageQuarantinedException("not a mail message: " + ex.Message, ex);
        }

        var rawId = mime.Headers[HeaderId.MessageId]?.Trim();
        var body = mime.TextBody ?? (mime.HtmlBody is { } html ? StripHtml(html) : "");
        var attachments = new List<EmailAttachment>();
        foreach (var part in mime.Attachments.OfType<MimePart>())
        {
            string? text = null;
            using var ms = new MemoryStream();
            part.Content?.DecodeTo(ms);
            if (part.ContentType.MimeType == "application/pdf" || (part.FileName?.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                try
                {
                    using var pdf = PdfDocument.Open(ms.ToArray());
                    var sb = new StringBuilder();
                    foreach (var page in pdf.GetPages())
                    {
                        sb.AppendLine(UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page));
                    }

                    text = sb.ToString();
                }
                catch (Exception)
                {
                    text = null;
                }
            }
            else if (part is TextPart tp)
            {
                text = tp.Text;
            }

            attachments.Add(new EmailAttachment(part.FileName, part.ContentType.MimeType, ms.Length, text));
        }

        return new Email
        {
            MessageId = string.IsNullOrEmpty(rawId) ? "<" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(message.Bytes.Span))[..32].ToLowerInvariant() + "@fleetmanager.invalid>" : rawId,
            HasMessageIdHeader = !string.IsNullOrEmpty(rawId),
            Subject = mime.Subject,
            From = mime.From.Mailboxes.FirstOrDefault() is { } f ? new EmailAddress(f.Name, f.Address) : null,
            Date = mime.Headers.Contains(HeaderId.Date) ? mime.Date : null,
            Body = body,
            Attachments = attachments,
        };
    }

    private static string StripHtml(string html)
    {
        var text = Tags().Replace(BlockEnds().Replace(html, "\n"), " ");
        return System.Net.WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex("</(p|div|tr|li|h[1-6])>|<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
