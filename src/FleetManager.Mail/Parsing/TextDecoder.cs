using System.Collections.Concurrent;
using System.Text;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Decodes text bytes with the declared charset when it is known and fits, otherwise strict UTF-8,
/// otherwise windows-1252 (a superset of Latin-1 that never fails): mail in the wild often
/// declares no charset or the wrong one.
/// </summary>
internal static class TextDecoder
{
    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    internal static Encoding Windows1252 { get; }

    private const int MaxKnownCharsets = 256;

    private static readonly ConcurrentDictionary<string, Encoding?> KnownCharsets = new(StringComparer.Ordinal);

    public static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        var encoding = Choose(ref bytes, charset);
        return encoding.GetString(bytes);
    }

    /// <summary>
    /// The encoding <see cref="Decode"/> uses for these bytes, with <paramref name="bytes"/> narrowed
    /// past a UTF-8 byte order mark; lets callers decode into their own (pooled) char buffer.
    /// </summary>
    public static Encoding Choose(ref ReadOnlySpan<byte> bytes, string? charset)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
            charset = "utf-8";
        }

        var content = bytes;
        var declared = Lookup(charset);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage && declared.CodePage != 20127)
        {
            // ISO-8859-1 labels nearly always mean windows-1252 in mail (the euro sign, curly quotes).
            return declared.CodePage == 28591 ? Windows1252 : declared;
        }

        if (IsAscii(content))
        {
            return Encoding.ASCII;
        }

        // Declared UTF-8 or US-ASCII with 8-bit bytes, or nothing declared: UTF-8 if the bytes are
        // valid UTF-8, else windows-1252 (validating first avoids a costly decoder exception).
        return System.Text.Unicode.Utf8.IsValid(content) ? Encoding.UTF8 : Windows1252;
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes) => System.Text.Ascii.IsValid(bytes);

    private static Encoding? Lookup(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        // Encoding.GetEncoding builds code-page tables (or throws for unknown names) on every call;
        // mail uses a handful of charset labels, so remember them (bounded: labels come from senders).
        if (KnownCharsets.TryGetValue(charset, out var known))
        {
            return known;
        }

        var encoding = LookupUncached(charset);
        if (KnownCharsets.Count < MaxKnownCharsets)
        {
            KnownCharsets.TryAdd(charset, encoding);
        }

        return encoding;
    }

    private static Encoding? LookupUncached(string charset)
    {
        var name = charset.Trim().Trim('"', '\'');
        if (name.ToLowerInvariant() is "iso-8859-16" or "iso8859-16" or "iso_8859-16" or "iso_8859-16:2001" or "latin10" or "l10" or "iso-ir-226")
        {
            return SingleByteTableEncoding.Iso885916;
        }

        if (name.ToLowerInvariant() is "iso-8859-7" or "iso8859-7" or "iso_8859-7" or "iso_8859-7:1987" or "greek" or "greek8" or "elot_928" or "ecma-118" or "iso-ir-126")
        {
            return SingleByteTableEncoding.Iso88597;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return name.ToLowerInvariant() switch
            {
                "latin1" or "latin-1" => Encoding.Latin1,
                "latin2" or "latin-2" => Encoding.GetEncoding("iso-8859-2"),
                "cp1250" => Encoding.GetEncoding(1250),
                "cp1251" => Encoding.GetEncoding(1251),
                "cp1252" => Windows1252,
                "utf8" => Encoding.UTF8,
                _ => null,
            };
        }
    }
}
