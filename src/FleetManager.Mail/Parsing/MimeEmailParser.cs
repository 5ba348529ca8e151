using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using MimeKit;
using MimeKit.Utils;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Parses raw RFC 822 messages with MimeKit into <see cref="Email"/>: plain-text body (HTML turned
/// into text when there is no useful plain part), quoted replies kept apart, forwards recognised,
/// attachment text (PDF, CSV, XLSX, text) extracted. Thread-safe; reuse one instance.
/// </summary>
public sealed class MimeEmailParser : IEmailParser
{
    private static readonly string[] KeptHeaders =
    [
        "list-unsubscribe", "list-id", "auto-submitted", "precedence", "x-autoreply", "x-autorespond",
        "x-auto-response-suppress", "x-mailer", "return-path",
    ];

    /// <summary>Recipients kept per message: a To line of thousands of addresses says nothing more than its first hundred.</summary>
    private const int MaxRecipients = 100;

    [ThreadStatic]
    private static MimeParser? t_mimeParser;

    private readonly EmailParserOptions _options;
    private static readonly ParserOptions MimeOptions = new()
    {
        // Undeclared 8-bit header text: MimeKit tries UTF-8 first, then this.
        CharsetEncoding = TextDecoder.Windows1252,
        // Deeper than any EmailParserOptions.MaxMimeDepth in use, so the collector sees the excess and says so.
        MaxMimeDepth = 128,
        AddressParserComplianceMode = RfcComplianceMode.Looser,
        ParameterComplianceMode = RfcComplianceMode.Looser,
        Rfc2047ComplianceMode = RfcComplianceMode.Looser,
    };

    /// <summary>A parser with <see cref="EmailParserOptions.Default"/> limits.</summary>
    public MimeEmailParser()
        : this(EmailParserOptions.Default)
    {
    }

    /// <summary>A parser with the given limits.</summary>
    public MimeEmailParser(EmailParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public Email Parse(RawMessage message) => Parse(message, CancellationToken.None);

    /// <inheritdoc />
    public Email Parse(RawMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ReadError is not null)
        {
            throw new MessageQuarantinedException($"unreadable message: {message.ReadError}");
        }

        RawMessageValidator.Validate(message.Bytes.Span, _options.MaxMessageBytes);
        try
        {
            return ParseCore(message.Bytes, cancellationToken);
        }
        catch (MessageQuarantinedException)
        {
            throw;
        }
        catch (AttachmentLimitExceededException exception)
        {
            throw new MessageQuarantinedException(exception.Message, exception);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new MessageQuarantinedException($"message could not be parsed: {exception.GetType().Name}: {exception.Message}", exception);
        }
    }

    private Email ParseCore(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        // Persistent parsing: each part's content stays a window on the message's own bytes instead
        // of being copied into MimeKit memory blocks, so the stream must outlive the collection below.
        // The header block is bounded first: MimeKit would parse and decode a 5 MB Subject whole.
        using var stream = OpenStream(HeaderBlockLimiter.Limit(SkipMboxFromLine(bytes), _options.MaxHeaderBlockBytes));
        MimeMessage mime;

        // One MimeParser per thread, re-pointed at each message: it keeps its read buffers.
        var parser = t_mimeParser ??= new MimeParser(MimeOptions, Stream.Null, persistent: false);
        parser.SetStream(stream, MimeFormat.Entity, persistent: true);
        try
        {
            mime = parser.ParseMessage(cancellationToken);
        }
        finally
        {
            // Do not keep the last message's bytes alive through the cached parser.
            parser.SetStream(Stream.Null, MimeFormat.Entity, persistent: false);
        }

        // Disposing releases the parts' contents early (MimeContent has a finalizer otherwise).
        using (mime)
        {
            return BuildEmail(mime, bytes, cancellationToken);
        }
    }

    private Email BuildEmail(MimeMessage mime, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var collector = new MimeContentCollector(_options, cancellationToken: cancellationToken);
        collector.Collect(mime.Body);

        // Headers are cut to a length no genuine subject or name reaches: a 5 MB subject is not stored whole.
        var subject = Cap(mime.Subject);
        var hasReplyHeaders = mime.Headers.Contains(HeaderId.InReplyTo);
        var split = QuoteSplitter.Apply(collector.BodyText, subject, hasReplyHeaders);
        var body = split.Body;
        var topType = TopContentType(mime);
        var isForward = split.IsForward;
        if (collector.HasAttachedMessage)
        {
            body = body.Length == 0 ? collector.AttachedMessagesText : body + "\n\n" + collector.AttachedMessagesText;

            // A delivery report carries the bounced message; that is not a forward.
            isForward |= !topType.StartsWith("multipart/report", StringComparison.Ordinal);
        }

        var hasText = body.Length > 0 || split.Quoted.Length > 0;
        if (!hasText && IsTruncated(collector.Boundaries, bytes.Span) && !collector.Attachments.Exists(a => a.Text is not null))
        {
            throw new MessageQuarantinedException("truncated message: a multipart ends before its closing boundary and no part is readable");
        }

        // A subject-only message is still readable (a one-line load offer can live in the subject);
        // only a message with nothing at all to read is quarantined.
        if (!hasText && !collector.Attachments.Exists(a => a.Size > 0) && string.IsNullOrWhiteSpace(subject))
        {
            throw new MessageQuarantinedException("message has no content: no subject, no body text and no attachments");
        }

        var (messageId, hasMessageId) = ReadMessageId(mime, bytes.Span);
        return new Email
        {
            MessageId = messageId,
            HasMessageIdHeader = hasMessageId,
            Subject = subject,
            From = ToAddress(mime.From.Mailboxes.FirstOrDefault() ?? mime.Sender),
            To = mime.To.Mailboxes.Take(MaxRecipients).Select(ToAddress).OfType<EmailAddress>().ToList(),
            Date = ReadDate(mime),
            Body = MimeContentCollector.Limit(body, _options.MaxTextLength),
            QuotedText = MimeContentCollector.Limit(split.Quoted, _options.MaxTextLength),
            IsForward = isForward,
            Attachments = collector.Attachments,
            Headers = ReadHeaders(mime, topType, _options.MaxHeaderLength),
        };
    }

    private static bool IsTruncated(List<string> boundaries, ReadOnlySpan<byte> raw)
    {
        foreach (var boundary in boundaries)
        {
            if (raw.IndexOf(Encoding.ASCII.GetBytes("--" + boundary + "--")) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A message saved from an mbox may still start with its "From " separator line, which is not a header.</summary>
    private static ReadOnlyMemory<byte> SkipMboxFromLine(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (!span.StartsWith("From "u8))
        {
            return bytes;
        }

        var newline = span.IndexOf((byte)'\n');
        return newline < 0 ? bytes : bytes[(newline + 1)..];
    }

    private static MemoryStream OpenStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private static (string Id, bool FromHeader) ReadMessageId(MimeMessage mime, ReadOnlySpan<byte> raw)
    {
        // MimeMessage.MessageId strips the angle brackets; the ledger wants the header as written.
        var index = mime.Headers.IndexOf(HeaderId.MessageId);
        if (index >= 0)
        {
            var value = Unfold(Encoding.ASCII.GetString(mime.Headers[index].RawValue));
            if (value.Length > 0)
            {
                return (value, true);
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(raw, hash);
        return ($"<{Convert.ToHexStringLower(hash)[..32]}@fleetmanager.invalid>", false);
    }

    private static DateTimeOffset? ReadDate(MimeMessage mime)
    {
        var index = mime.Headers.IndexOf(HeaderId.Date);
        if (index < 0)
        {
            return null;
        }

        var raw = mime.Headers[index].RawValue;
        return DateUtils.TryParse(raw, 0, raw.Length, out var date) ? date : null;
    }

    private static string TopContentType(MimeMessage mime)
    {
        var type = mime.Body?.ContentType;
        if (type is null)
        {
            return "text/plain";
        }

        var mimeType = type.MimeType.ToLowerInvariant();
        var reportType = type.Parameters["report-type"];
        return string.IsNullOrEmpty(reportType) ? mimeType : $"{mimeType}; report-type={reportType.ToLowerInvariant()}";
    }

    private static Dictionary<string, string> ReadHeaders(MimeMessage mime, string topType, int maxLength)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in mime.Headers)
        {
            foreach (var name in KeptHeaders)
            {
                if (string.Equals(header.Field, name, StringComparison.OrdinalIgnoreCase))
                {
                    headers.TryAdd(name, MimeContentCollector.Limit(Unfold(header.Value ?? ""), maxLength));
                    break;
                }
            }
        }

        headers["content-type"] = topType;
        return headers;
    }

    private static string Unfold(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c is '\r' or '\n')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private EmailAddress? ToAddress(MailboxAddress? mailbox) =>
        mailbox is null ? null : new EmailAddress(string.IsNullOrWhiteSpace(mailbox.Name) ? null : Cap(mailbox.Name.Trim()), Cap(mailbox.Address));

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private string? Cap(string? value) => value is null ? null : MimeContentCollector.Limit(value, _options.MaxHeaderLength);
}
