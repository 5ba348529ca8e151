// Why one file of ~430 lines: the walk decides per part whether it is body text, an attachment or an
// attached message, and those decisions depend on each other (a trivial or stub plain part gives way to
// its HTML alternative, an attached message's text is suppressed as body, the last decoded part is reused
// rather than decoded twice); the state they share is this one per-message instance. The pure text
// helpers at the end (NormalizePlain, Limit) are small and used only here.
using System.Buffers;
using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using MimeKit;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Walks one message's MIME tree and sorts its parts into body text, attached messages and
/// attachments. One instance per message (it accumulates state); nested message/rfc822 parts
/// get their own collector.
/// </summary>
internal sealed class MimeContentCollector
{
    private const int MaxNesting = 8;
    private const int TrivialPlainLength = 80;

    /// <summary>A plain part this short may still be a stub ("the order is attached in HTML format; if your mail program cannot show it, call …").</summary>
    private const int StubPlainLength = 400;

    private readonly EmailParserOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly int _nesting;
    private readonly List<string> _bodyTexts = [];
    private readonly List<string> _attachedMessages = [];
    private MimePart? _lastDecodedPart;
    private string? _lastDecodedText;

    public MimeContentCollector(EmailParserOptions options, int nesting = 0, CancellationToken cancellationToken = default)
    {
        _options = options;
        _nesting = nesting;
        _cancellationToken = cancellationToken;
    }

    public List<EmailAttachment> Attachments { get; } = [];

    /// <summary>The boundaries of the multiparts met, to check that each is closed (else the message was cut short).</summary>
    public List<string> Boundaries { get; } = [];

    /// <summary>True when a whole message was attached or embedded (message/rfc822).</summary>
    public bool HasAttachedMessage => _attachedMessages.Count > 0;

    /// <summary>The text of the message's own body parts, lines separated by '\n'.</summary>
    public string BodyText => _bodyTexts.Count switch
    {
        0 => "",
        1 => _bodyTexts[0],
        _ => string.Join("\n\n", _bodyTexts),
    };

    /// <summary>The rendered text of attached messages, in order.</summary>
    public string AttachedMessagesText => string.Join("\n\n", _attachedMessages);

    public void Collect(MimeEntity? entity) => Walk(entity, suppressBodyText: false, depth: 0);

    private void Walk(MimeEntity? entity, bool suppressBodyText, int depth)
    {
        if (entity is null)
        {
            return;
        }

        _cancellationToken.ThrowIfCancellationRequested();

        // Deeper than the limit (MimeKit itself parses deeper, so the excess is seen here): say so instead
        // of dropping whatever is inside without a word.
        if (depth > _options.MaxMimeDepth)
        {
            throw new MessageQuarantinedException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "multipart parts nested deeper than {0} levels (the limit Limits:MaxMimeDepth): the parts inside were not read", _options.MaxMimeDepth));
        }

        switch (entity)
        {
            case MessagePart messagePart:
                AddAttachedMessage(messagePart);
                break;
            case Multipart multipart:
                if (!string.IsNullOrEmpty(multipart.Boundary))
                {
                    Boundaries.Add(multipart.Boundary);
                }

                if (string.Equals(multipart.ContentType.MediaSubtype, "alternative", StringComparison.OrdinalIgnoreCase))
                {
                    WalkAlternative(multipart, suppressBodyText, depth);
                }
                else
                {
                    foreach (var child in multipart)
                    {
                        Walk(child, suppressBodyText, depth + 1);
                    }
                }

                break;
            case MimePart part:
                if (IsBodyText(part))
                {
                    if (!suppressBodyText)
                    {
                        var text = DecodeBodyText(part);
                        if (text.Length > 0)
                        {
                            _bodyTexts.Add(text);
                        }
                    }
                }
                else
                {
                    AddAttachment(part);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// multipart/alternative: the plain text when it says something, else the HTML. Non-text
    /// alternatives (a calendar, related images) are still collected as attachments.
    /// </summary>
    private void WalkAlternative(Multipart alternative, bool suppressBodyText, int depth)
    {
        MimePart? plain = null;
        foreach (var child in alternative)
        {
            if (child is MimePart part && IsBodyText(part) && part.ContentType.IsMimeType("text", "plain"))
            {
                plain = part;
            }
        }

        var usePlain = false;
        string? plainText = null;
        if (plain is not null && !suppressBodyText)
        {
            plainText = DecodeBodyText(plain);
            usePlain = !IsTrivial(plainText, alternative, plain);
        }

        if (usePlain && plainText is { Length: > 0 })
        {
            _bodyTexts.Add(plainText);
        }

        foreach (var child in alternative)
        {
            if (ReferenceEquals(child, plain))
            {
                continue;
            }

            Walk(child, suppressBodyText || usePlain, depth + 1);
        }
    }

    private bool IsTrivial(string plainText, Multipart alternative, MimePart plain)
    {
        var length = plainText.AsSpan().Trim().Length;
        if (length == 0)
        {
            return HasHtml(alternative, plain);
        }

        if (length >= StubPlainLength)
        {
            return false;
        }

        // A short plain part ("Please view this message in HTML") next to a long HTML part; a plain part
        // of a few lines is a stub only beside an HTML part many times longer (a full order in a table).
        var html = FindHtml(alternative, plain);
        return html is not null && DecodeBodyText(html).Length > length * (length < TrivialPlainLength ? 4 : 6);
    }

    private static bool HasHtml(Multipart alternative, MimePart? plain) => FindHtml(alternative, plain) is not null;

    private static MimePart? FindHtml(Multipart container, MimePart? except)
    {
        foreach (var child in container)
        {
            if (ReferenceEquals(child, except))
            {
                continue;
            }

            if (child is MimePart part && IsBodyText(part) && part.ContentType.IsMimeType("text", "html"))
            {
                return part;
            }

            if (child is Multipart nested && FindHtml(nested, except) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsBodyText(MimePart part)
    {
        var type = part.ContentType;
        if (!type.IsMimeType("text", "plain") && !type.IsMimeType("text", "html"))
        {
            return false;
        }

        return !part.IsAttachment && string.IsNullOrEmpty(part.FileName);
    }

    private string DecodeBodyText(MimePart part)
    {
        // An alternative's HTML part can be decoded twice (once to judge the plain part, once as the body).
        if (ReferenceEquals(part, _lastDecodedPart))
        {
            return _lastDecodedText!;
        }

        var text = DecodeBodyTextCore(part);
        _lastDecodedPart = part;
        _lastDecodedText = text;
        return text;
    }

    private string DecodeBodyTextCore(MimePart part)
    {
        if (part.Content is null)
        {
            return "";
        }

        var output = ScratchStream.Rent();
        try
        {
            part.Content.DecodeTo(output);
            if (output.Length > _options.MaxMessageBytes)
            {
                return "";
            }

            ReadOnlySpan<byte> bytes = output.GetBuffer().AsSpan(0, (int)output.Length);
            var encoding = TextDecoder.Choose(ref bytes, part.ContentType.Charset);
            if (part.ContentType.IsMimeType("text", "html"))
            {
                return HtmlTextConverter.Convert(AttachmentTextExtractor.LimitHtml(encoding.GetString(bytes), _options));
            }

            // Decode straight into a pooled buffer and normalise there: one string per body, not three.
            var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(bytes.Length));
            try
            {
                var length = encoding.GetChars(bytes, chars);
                return new string(NormalizePlainInPlace(chars.AsSpan(0, length)));
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        finally
        {
            ScratchStream.Return(output);
        }
    }

    /// <summary>Line endings to '\n', trailing blanks off each line, no leading or trailing blank lines; one pass.</summary>
    internal static string NormalizePlain(string text)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(chars);
            return new string(NormalizePlainInPlace(chars.AsSpan(0, text.Length)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// <see cref="NormalizePlain(string)"/> over a buffer it may overwrite: the output never runs ahead
    /// of the input (a line break becomes one '\n', blanks are only removed), so it is written in place,
    /// line by line with vectorised copies.
    /// </summary>
    private static ReadOnlySpan<char> NormalizePlainInPlace(Span<char> text)
    {
        var written = 0;
        var read = 0;
        while (true)
        {
            var rest = text[read..];
            var lineEnd = rest.IndexOfAny('\r', '\n');
            var lineLength = lineEnd < 0 ? rest.Length : lineEnd;
            var terminator = lineEnd < 0 ? '\0' : rest[lineEnd];
            rest[..lineLength].CopyTo(text[written..]);
            written = TrimTrailingBlanks(text, written + lineLength);
            if (lineEnd < 0)
            {
                break;
            }

            text[written++] = '\n';
            read += lineLength + 1;
            if (terminator == '\r' && read < text.Length && text[read] == '\n')
            {
                read++;
            }
        }

        var start = 0;
        while (start < written && text[start] == '\n')
        {
            start++;
        }

        while (written > start && text[written - 1] == '\n')
        {
            written--;
        }

        return text[start..written];
    }

    private static int TrimTrailingBlanks(Span<char> text, int length)
    {
        while (length > 0 && text[length - 1] is ' ' or '\t' or '\u00A0')
        {
            length--;
        }

        return length;
    }

    private void AddAttachment(MimePart part)
    {
        var contentType = part.ContentType.MimeType.ToLowerInvariant();
        var fileName = string.IsNullOrWhiteSpace(part.FileName) ? null : part.FileName.Trim();
        long size;
        byte[] bytes;
        var output = ScratchStream.Rent();
        try
        {
            part.Content?.DecodeTo(output);
            size = output.Length;
            if (size > _options.MaxAttachmentBytes)
            {
                Attachments.Add(new EmailAttachment(fileName, contentType, size, null));
                return;
            }

            bytes = output.ToArray();
        }
        finally
        {
            ScratchStream.Return(output);
        }

        string? text;
        if (part.ContentType.IsMimeType("text", "*") && AttachmentTextExtractor.Classify(contentType, fileName) == AttachmentTextExtractor.AttachmentKind.Text)
        {
            text = NormalizePlain(TextDecoder.Decode(bytes, part.ContentType.Charset));
        }
        else
        {
            text = AttachmentTextExtractor.Extract(contentType, fileName, part.ContentType.Charset, bytes, _options, _cancellationToken);
            if (text is not null)
            {
                text = NormalizePlain(text);
            }
        }

        Attachments.Add(new EmailAttachment(fileName, contentType, size, string.IsNullOrEmpty(text) ? null : Limit(text, _options.MaxTextLength))
        {
            Content = bytes,
        });
    }

    private void AddAttachedMessage(MessagePart messagePart)
    {
        var nested = messagePart.Message;
        var fileName = string.IsNullOrWhiteSpace(messagePart.ContentDisposition?.FileName) ? null : messagePart.ContentDisposition!.FileName;
        if (nested is null)
        {
            return;
        }

        if (_nesting >= MaxNesting)
        {
            throw new MessageQuarantinedException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "attached messages nested deeper than {0} levels (the limit for forwarded messages): the innermost were not read", MaxNesting));
        }

        var collector = new MimeContentCollector(_options, _nesting + 1, _cancellationToken);
        collector.Collect(nested.Body);

        var builder = new StringBuilder();
        builder.Append("---------- Attached message ----------\n");
        AppendHeader(builder, "From", Limit(nested.From.ToString(), _options.MaxHeaderLength));
        AppendHeader(builder, "Date", Limit(nested.Headers[HeaderId.Date] ?? "", _options.MaxHeaderLength));
        AppendHeader(builder, "Subject", Limit(nested.Subject ?? "", _options.MaxHeaderLength));
        AppendHeader(builder, "To", Limit(nested.To.ToString(), _options.MaxHeaderLength));
        builder.Append('\n');
        builder.Append(collector.BodyText);
        if (collector.HasAttachedMessage)
        {
            builder.Append("\n\n").Append(collector.AttachedMessagesText);
        }

        var text = builder.ToString().TrimEnd();
        _attachedMessages.Add(text);
        Attachments.Add(new EmailAttachment(fileName, messagePart.ContentType.MimeType.ToLowerInvariant(), text.Length, null));
        Attachments.AddRange(collector.Attachments);
    }

    private static void AppendHeader(StringBuilder builder, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            builder.Append(name).Append(": ").Append(value.Trim()).Append('\n');
        }
    }

    internal static string Limit(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength];
}
