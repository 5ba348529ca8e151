using System.Text.RegularExpressions;

namespace FleetManager.Core.Rules.Classifying;

/// <summary>
/// Finds where the quoted part of a reply starts in a body that still holds it ("-----Original
/// Message-----", "Am ... schrieb", "On ... wrote:", "From: ... Sent:", "&gt;" lines), so a reply is
/// judged by what its sender wrote, not by the order it quotes. A forward's content is not a quote.
/// </summary>
public static partial class ReplyText
{
    /// <summary>The length of the new text at the start of <paramref name="body"/>.</summary>
    public static int NewTextLength(string body)
    {
        var match = QuoteStart().Match(body);
        return match.Success ? match.Index : body.Length;
    }

    [GeneratedRegex(@"(?im)^[ \t]*(?:-{2,}\s*(?:original(?:\s+message)?|ursprüngliche\s+nachricht|message\s+d['’]origine|messaggio\s+originale|mensaje\s+original|oorspronkelijk\s+bericht|wiadomość\s+oryginalna|původní\s+zpráva|eredeti\s+üzenet|mesaj\s+original|оригинално\s+съобщение)\s*-{2,}|(?:am|on|le|il|el|op|dnia|dne|w\s+dniu)\s[^\n]{4,120}?(?:schrieb|wrote|a\s+écrit|ha\s+scritto|escribió|schreef|napisał\w*|napsal\w*|írta|a\s+scris|написа)\s*:?\s*$|(?:from|von|de|od|da|van|от|feladó|expeditor)\s*:[^\n]+\n(?:[^\n]*\n){0,2}?[ \t]*(?:sent|gesendet|envoyé|wysłano|inviato|enviado|verzonden|odesláno|elküldve|trimis|изпратено|date|datum)\s*:|>[^\n]*\n>)")]
    private static partial Regex QuoteStart();
}
