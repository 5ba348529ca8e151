using System.Text.RegularExpressions;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Separates the new text of a reply from the earlier messages it quotes, and recognises
/// forwards (whose forwarded content is the point of the message and therefore stays in the body).
/// </summary>
internal static partial class QuoteSplitter
{
    /// <summary>The result: new text, quoted text, and whether the message forwards another.</summary>
    internal readonly record struct Split(string Body, string Quoted, bool IsForward);

    // Outermost subject prefix decides: "RE: FW: x" is a reply to a forward, "FW: RE: x" a forward.
    [GeneratedRegex(@"^\s*(?:\[[^\]]{1,40}\]\s*)?(?<p>fwd?|fw|wg|tr|pd|rv|enc|i|doorst|vs|vb|fs|továbbítás|továbbítva|tov|přeposlat|přepošli|redirecționat|redirectionat|re|aw|sv|odp|ri|r|antw|ynt|res|rif|răsp|rasp|vá|válasz|ha|atb|отг|отв|ответ)\s*(?:\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"^-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré|wiadomość przekazana|messaggio inoltrato|mensaje reenviado|doorgestuurd bericht|přeposlaná zpráva|přeposlaná správa|továbbított üzenet|mesaj redirecționat|mesaj redirectionat|препратено съобщение|пересланное сообщение|videresendt melding|vidarebefordrat meddelande)\s*-*\s*$|^begin forwarded message:?\s*$|^anfang der weitergeleiteten nachricht:?\s*$|^début du message réexpédié\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^-{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|message d'origine|messaggio originale|mensaje original|oorspronkelijk bericht|původní zpráva|pôvodná správa|wiadomość oryginalna|oryginalna wiadomość|eredeti üzenet|mesaj original|mesajul original|оригинално съобщение|исходное сообщение|opprinnelig melding|ursprungligt meddelande)\s*-*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessageSeparator();

    // Attribution lines end with the verb and a colon: "On ... wrote:", "Am ... schrieb ...:", "W dniu ... pisze:".
    [GeneratedRegex(@"(?:\bwrote|\bschrieb\b[^:]{0,120}|\ba écrit|\bpisze|\bnapisał(?:\(a\))?|\bha scritto|\bescribió|\bschreef\b[^:]{0,120}|\bnapsal(?:\(a\))?|\ba scris|\bírta|\bнаписа|\bнаписал(?:\(а\))?|\bskrev)\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttributionEnd();

    [GeneratedRegex(@"^(?:on|am|le|w dniu|il giorno|il|el|op|dne|în|in|den|em|на|\d{1,4}[./-])\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^\*?(?:from|von|od|de|da|van|från|fra|feladó|kimden|от|expeditor|mittente|remitente)\s*:\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFromLine();

    [GeneratedRegex(@"^\*?(?:sent|gesendet|wysłano|envoyé|inviato|enviado|verzonden|odesláno|odoslané|skickat|sendt|elküldve|trimis|изпратено|отправлено|data invio)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSentLine();

    [GeneratedRegex(@"^\*?(?:date|datum|data|fecha|dátum|дата)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderDateLine();

    [GeneratedRegex(@"^\*?(?:subject|betreff|temat|objet|oggetto|asunto|onderwerp|předmět|predmet|tárgy|subiect|тема|ämne|emne)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSubjectLine();

    private static readonly HashSet<string> ForwardPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "fwd", "fw", "wg", "tr", "pd", "rv", "enc", "i", "doorst", "vs", "vb", "fs", "továbbítás", "továbbítva", "tov",
        "přeposlat", "přepošli", "redirecționat", "redirectionat",
    };

    /// <summary>Splits <paramref name="text"/> (lines separated by '\n').</summary>
    public static Split Apply(string text, string? subject, bool hasReplyHeaders)
    {
        var subjectKind = SubjectKind(subject);
        if (subjectKind == PrefixKind.Forward)
        {
            return new Split(text, "", true);
        }

        // One pass over the lines as spans (no per-line strings): the first forward marker or
        // reply header decides. A reply subject ignores forward markers (a reply quoting a forward).
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(position, end - position).Trim();
            if (!line.IsEmpty)
            {
                if (subjectKind != PrefixKind.Reply && MayBeForwardMarker(line) && ForwardMarker().IsMatch(line))
                {
                    return new Split(text, "", true);
                }

                if (IsReplyHeader(text, line, end + 1))
                {
                    return new Split(text[..position].TrimEnd(), text[position..].Trim(), false);
                }
            }

            position = end + 1;
        }

        if (subjectKind == PrefixKind.Reply || hasReplyHeaders)
        {
            return SplitQuotedLines(text);
        }

        return new Split(text, "", false);
    }

    private static Split SplitQuotedLines(string text)
    {
        var lines = text.Split('\n');
        var body = new List<string>(lines.Length);
        var quoted = new List<string>();
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith('>'))
            {
                quoted.Add(line);
            }
            else
            {
                body.Add(line);
            }
        }

        return quoted.Count == 0
            ? new Split(text, "", false)
            : new Split(string.Join('\n', body).Trim(), string.Join('\n', quoted), false);
    }

    /// <summary>The trimmed line starting at <paramref name="start"/>, and where the line after it starts.</summary>
    private static ReadOnlySpan<char> LineAt(string text, int start, out int next)
    {
        if (start >= text.Length)
        {
            next = text.Length + 1;
            return [];
        }

        var end = text.IndexOf('\n', start);
        if (end < 0)
        {
            end = text.Length;
        }

        next = end + 1;
        return text.AsSpan(start, end - start).Trim();
    }

    // Cheap character tests first: the regexes run only on the few lines that could match,
    // which keeps splitting a typical body in the microseconds.
    private static bool MayBeForwardMarker(ReadOnlySpan<char> line) =>
        line[0] == '-' || (line.Length < 60 && (line[0] is 'b' or 'B' or 'a' or 'A' or 'd' or 'D'));

    private static bool IsReplyHeader(string text, ReadOnlySpan<char> line, int nextStart)
    {
        if (line.Length > 400 || line[0] == '>')
        {
            return false;
        }

        if (line[0] == '-')
        {
            return OriginalMessageSeparator().IsMatch(line);
        }

        if (line[^1] == ':' && AttributionEnd().IsMatch(line))
        {
            return true;
        }

        // "On Mon, 2 Nov 2026 at 17:40, Petra <petra@x.cz>\nwrote:" wrapped by the mailer.
        var next = LineAt(text, nextStart, out _);
        if (next.Length is > 0 and < 200 && next[^1] == ':' && AttributionStart().IsMatch(line)
            && AttributionEnd().IsMatch(string.Concat(line, " ", next)))
        {
            return true;
        }

        var colon = line.IndexOf(':');
        if (colon is > 0 and < 16 && HeaderFromLine().IsMatch(line))
        {
            var hasAddress = line.Contains('@');
            var sawSubject = false;
            var sawDate = false;
            var start = nextStart;
            for (var j = 0; j < 5 && start <= text.Length; j++)
            {
                var candidate = LineAt(text, start, out start);
                if (HeaderSentLine().IsMatch(candidate))
                {
                    return true;
                }

                sawDate |= HeaderDateLine().IsMatch(candidate);
                sawSubject |= HeaderSubjectLine().IsMatch(candidate);
            }

            // "From: x@y / Date: / Subject:" (Outlook for Mac, Thunderbird) without a "Sent:" line.
            return hasAddress && sawDate && sawSubject;
        }

        return false;
    }

    private enum PrefixKind
    {
        None,
        Reply,
        Forward,
    }

    private static PrefixKind SubjectKind(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return PrefixKind.None;
        }

        var match = SubjectPrefix().Match(subject);
        if (!match.Success)
        {
            return PrefixKind.None;
        }

        return ForwardPrefixes.Contains(match.Groups["p"].Value) ? PrefixKind.Forward : PrefixKind.Reply;
    }
}
