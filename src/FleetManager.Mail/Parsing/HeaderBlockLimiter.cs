namespace FleetManager.Mail.Parsing;

/// <summary>
/// Bounds a message's top-level header block before MimeKit sees it. MimeKit parses and decodes a header
/// whole (a 5 MB Subject took it 10 to 30 s), while no genuine header block comes near
/// <see cref="EmailParserOptions.MaxHeaderBlockBytes"/>. A block past the limit is rebuilt rather than the
/// message quarantined, so an order in the body is still read: each field is cut to a quarter of the limit,
/// and once the block is full only the fields needed to read the message (From, To, Subject, Date,
/// Message-ID and the MIME fields) are still kept, each once. The body is untouched.
/// </summary>
internal static class HeaderBlockLimiter
{
    private static readonly string[] EssentialFields =
    [
        "from", "sender", "to", "cc", "subject", "date", "message-id", "in-reply-to", "mime-version",
        "content-type", "content-transfer-encoding", "content-disposition",
    ];

    /// <summary>
    /// <paramref name="bytes"/> itself when its header block fits in <paramref name="maxHeaderBlockBytes"/>,
    /// else a copy with the header block cut down as described on the type.
    /// </summary>
    public static ReadOnlyMemory<byte> Limit(ReadOnlyMemory<byte> bytes, int maxHeaderBlockBytes)
    {
        var span = bytes.Span;
        var headerEnd = HeaderBlockEnd(span);
        if (headerEnd <= maxHeaderBlockBytes)
        {
            return bytes;
        }

        var maxFieldBytes = Math.Max(1024, maxHeaderBlockBytes / 4);
        var output = new MemoryStream(maxHeaderBlockBytes + maxFieldBytes * EssentialFields.Length + (span.Length - headerEnd));
        var keptEssential = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        var full = false;
        while (position < headerEnd)
        {
            var fieldEnd = FieldEnd(span, position, headerEnd);
            var field = span[position..fieldEnd];
            position = fieldEnd;
            var name = FieldName(field);
            var essential = name is not null && Array.Exists(EssentialFields, e => e.Equals(name, StringComparison.OrdinalIgnoreCase));
            // Once one field did not fit the block is full: later fields, however small, are not kept...
            full |= output.Length + Math.Min(field.Length, maxFieldBytes) > maxHeaderBlockBytes;
            // ...except the first of each essential field (cut to maxFieldBytes, so still bounded).
            var firstEssential = essential && keptEssential.Add(name!);
            if (full && !firstEssential)
            {
                continue;
            }

            if (field.Length > maxFieldBytes)
            {
                // Cut, and end the field where a header line ends (a cut inside a folded line would leave a bare CR).
                output.Write(field[..maxFieldBytes].TrimEnd("\r\n \t"u8));
                output.Write("\r\n"u8);
            }
            else
            {
                output.Write(field);
            }
        }

        output.Write(span[headerEnd..]);
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    /// <summary>Index just after the header block's last field (where the empty line starts), or the length when there is no body.</summary>
    private static int HeaderBlockEnd(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith("\r\n"u8) || span.StartsWith("\n"u8))
        {
            return 0;
        }

        var crlf = span.IndexOf("\n\r\n"u8);
        var lf = span.IndexOf("\n\n"u8);
        var end = (crlf, lf) switch
        {
            (< 0, < 0) => span.Length - 1,
            (< 0, _) => lf,
            (_, < 0) => crlf,
            _ => Math.Min(crlf, lf),
        };
        return end + 1;
    }

    /// <summary>The end of the field starting at <paramref name="start"/>: after its last continuation line.</summary>
    private static int FieldEnd(ReadOnlySpan<byte> span, int start, int headerEnd)
    {
        var position = start;
        while (position < headerEnd)
        {
            var newline = span[position..headerEnd].IndexOf((byte)'\n');
            position = newline < 0 ? headerEnd : position + newline + 1;
            if (position >= headerEnd || span[position] is not ((byte)' ' or (byte)'\t'))
            {
                return position;
            }
        }

        return headerEnd;
    }

    private static string? FieldName(ReadOnlySpan<byte> field)
    {
        var colon = field.IndexOf((byte)':');
        var newline = field.IndexOf((byte)'\n');
        if (colon <= 0 || (newline >= 0 && newline < colon) || colon > 100)
        {
            return null;
        }

        return System.Text.Encoding.ASCII.GetString(field[..colon].TrimEnd(" \t"u8));
    }
}
