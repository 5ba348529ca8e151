using System.Security.Cryptography;
using System.Text;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// How a message is named: its Message-ID header as written, or, where it has none (or cannot be
/// read at all), a synthetic id derived from its bytes, so the same input always gets the same
/// name and the ledger can tell it was already handled.
/// </summary>
public static class MessageIdentity
{
    /// <summary>A stable synthetic Message-ID for bytes without one: <c>&lt;sha256-prefix@fleetmanager.invalid&gt;</c>.</summary>
    public static string Synthetic(ReadOnlySpan<byte> raw)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(raw, hash);
        return "<" + Convert.ToHexStringLower(hash[..16]) + "@fleetmanager.invalid>";
    }

    /// <summary>
    /// The ledger key: <c>mid:</c> + the Message-ID where the message has one, else <c>sha256:</c> +
    /// the hash of its bytes. The same message met twice (a re-import, a copy in another folder)
    /// therefore has one key.
    /// </summary>
    public static string LedgerKey(string? messageIdHeader, ReadOnlySpan<byte> raw)
    {
        if (!string.IsNullOrWhiteSpace(messageIdHeader))
        {
            return "mid:" + messageIdHeader.Trim();
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(raw, hash);
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Finds the Message-ID header in raw bytes without a MIME parse (used for messages the parser
    /// rejects, so their quarantine row still carries their real id). Looks only in the header block.
    /// </summary>
    public static string? FindMessageIdHeader(ReadOnlySpan<byte> raw)
    {
        var limit = Math.Min(raw.Length, 64 * 1024);
        var header = raw[..limit];
        var lineStart = 0;
        while (lineStart < header.Length)
        {
            var newline = header[lineStart..].IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? header.Length : lineStart + newline;
            var line = header[lineStart..lineEnd].TrimEnd((byte)'\r');
            if (line.IsEmpty)
            {
                return null; // end of the header block
            }

            if (line.Length >= 11 && Ascii.EqualsIgnoreCase(line[..11], "message-id:"u8))
            {
                var value = Encoding.Latin1.GetString(line[11..]).Trim();
                // A folded header continues on the next line(s) that start with white space.
                var next = lineEnd + 1;
                while (value.Length == 0 && next < header.Length && (header[next] == (byte)' ' || header[next] == (byte)'\t'))
                {
                    var nl = header[next..].IndexOf((byte)'\n');
                    var end = nl < 0 ? header.Length : next + nl;
                    value = Encoding.Latin1.GetString(header[next..end].TrimEnd((byte)'\r')).Trim();
                    next = end + 1;
                }

                return value.Length == 0 ? null : value;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }
}
