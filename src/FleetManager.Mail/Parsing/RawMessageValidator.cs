using System.Buffers;
using System.Text;
using FleetManager.Core.Pipeline;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Cheap checks on the raw bytes before MIME parsing, so that empty files, binary garbage and
/// oversized messages are quarantined with a clear reason instead of being parsed into nonsense.
/// </summary>
internal static class RawMessageValidator
{
    private const int SampleBytes = 8 * 1024;
    private const int MaxHeaderScanBytes = 256 * 1024;

    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    private static readonly string[] MailFieldNames =
    [
        "from", "to", "cc", "subject", "date", "message-id", "received", "mime-version", "content-type",
        "return-path", "delivered-to", "reply-to", "sender", "in-reply-to", "references",
    ];

    /// <summary>Throws <see cref="FleetManager.MessageQuarantinedException"/> when the bytes cannot be a mail message.</summary>
    public static void Validate(ReadOnlySpan<byte> bytes, long maxMessageBytes)
    {
        if (bytes.IsEmpty || bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new MessageQuarantinedException("empty message: the source delivered no bytes");
        }

        if (bytes.Length > maxMessageBytes)
        {
            throw new MessageQuarantinedException(
                $"message too large: {bytes.Length} bytes, over the limit of {maxMessageBytes} bytes (Limits:MaxMessageBytes)");
        }

        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        if (sample.IndexOfAny(ControlBytes) < 0)
        {
            // The usual case, found with one vectorised search.
            CheckHeaderBlock(bytes[..Math.Min(bytes.Length, MaxHeaderScanBytes)]);
            return;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if ((b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x0C) || b == 0x7F)
            {
                control++;
            }
        }

        if (control * 10L > sample.Length * 3L)
        {
            throw new MessageQuarantinedException(
                $"not a mail message: {control * 100L / sample.Length}% of the first {sample.Length} bytes are control characters");
        }

        CheckHeaderBlock(bytes[..Math.Min(bytes.Length, MaxHeaderScanBytes)]);
    }

    private static void CheckHeaderBlock(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        var fields = 0;
        var first = true;
        while (position < bytes.Length)
        {
            var end = bytes[position..].IndexOf((byte)'\n');
            var line = end < 0 ? bytes[position..] : bytes.Slice(position, end);
            position = end < 0 ? bytes.Length : position + end + 1;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (first && line.StartsWith("From "u8))
            {
                // An mbox "From " line left in front of the message: not a header, but harmless.
                first = false;
                continue;
            }

            first = false;
            if (line.IsEmpty)
            {
                break;
            }

            if (line.Contains((byte)0))
            {
                throw new MessageQuarantinedException("not a mail message: binary data in the header block");
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (fields == 0)
                {
                    throw new MessageQuarantinedException("not a mail message: the first line is not a header field");
                }

                continue;
            }

            var colon = FieldNameLength(line);
            if (colon <= 0)
            {
                if (fields == 0)
                {
                    throw new MessageQuarantinedException("not a mail message: the first line is not a header field");
                }

                // A stray line inside the header block: MIME parsers treat it as the start of the body.
                break;
            }

            fields++;
            if (IsMailField(line[..colon].TrimEnd(" \t"u8)))
            {
                // One recognised mail field after valid lines is enough; the rest is MimeKit's job.
                return;
            }
        }

        throw new MessageQuarantinedException("not a mail message: no mail header fields (From, To, Subject, Date, Message-ID ...)");
    }

    private static bool IsMailField(ReadOnlySpan<byte> name)
    {
        foreach (var candidate in MailFieldNames)
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Length of a valid field name before its colon (printable ASCII, optional trailing blanks), or -1.</summary>
    private static int FieldNameLength(ReadOnlySpan<byte> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (b == (byte)':')
            {
                return i > 0 ? i : -1;
            }

            if (b is (byte)' ' or (byte)'\t')
            {
                // Blanks are only allowed between the name and the colon (obsolete syntax).
                var rest = line[i..].TrimStart(" \t"u8);
                return i > 0 && !rest.IsEmpty && rest[0] == (byte)':' ? i : -1;
            }

            if (b < 0x21 || b > 0x7E)
            {
                return -1;
            }
        }

        return -1;
    }
}
