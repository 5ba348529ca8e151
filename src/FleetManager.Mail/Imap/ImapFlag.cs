using MailKit;

namespace FleetManager.Mail.Imap;

/// <summary>A flag named in the options: one of the system flags FleetManager may set, or a keyword.</summary>
internal readonly record struct ImapFlag(MessageFlags SystemFlag, string? Keyword)
{
    public static bool TryParse(string? text, out ImapFlag flag)
    {
        flag = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text[0] == '\\')
        {
            // \Deleted and \Recent are not offered: one would lose mail, the other cannot be set.
            var system = text.ToUpperInvariant() switch
            {
                "\\SEEN" => MessageFlags.Seen,
                "\\FLAGGED" => MessageFlags.Flagged,
                "\\ANSWERED" => MessageFlags.Answered,
                "\\DRAFT" => MessageFlags.Draft,
                _ => MessageFlags.None,
            };
            flag = new ImapFlag(system, null);
            return system != MessageFlags.None;
        }

        // A keyword is an IMAP atom (RFC 3501): no spaces, controls or specials.
        foreach (var c in text)
        {
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\]".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        flag = new ImapFlag(MessageFlags.None, text);
        return true;
    }
}
