using System.Text.RegularExpressions;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The language of a document as far as stop extraction needs it: the majority language of its stop
/// labels, else of its function words. It decides the country of a postal code whose shape several
/// countries share ("61118" in a German mail is German).
/// </summary>
internal static partial class StopDocumentLanguage
{
    /// <summary>The language of the document's stop labels (majority), used for country defaults.</summary>
    public static string? Of(StopReading reading)
    {
        if (!reading.LanguageKnown)
        {
            reading.Language = CountLanguage(reading);
            reading.LanguageKnown = true;
        }

        return reading.Language;
    }

    private static string? CountLanguage(StopReading reading)
    {
        var document = reading.Document;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in document.Text.AsSpan(document.BodyStart).EnumerateLines())
        {
            if (line.Length == 0 || line.Length > 400)
            {
                continue;
            }

            if (reading.Label(line.ToString()) is { Language: { } lang, Kind: not StopLabelKind.Other })
            {
                counts[lang] = counts.GetValueOrDefault(lang) + 1;
            }
        }

        return counts.Count == 0 ? ProseLanguage(document.Text.AsSpan(document.BodyStart)) : counts.MaxBy(kv => kv.Value).Key;
    }

    private static readonly (string Lang, HashSet<string> Words)[] FunctionWords =
    [
        ("de", new(StringComparer.Ordinal) { "und", "der", "die", "das", "mit", "für", "bitte", "wir", "nicht", "von", "ist", "eine", "den", "dem" }),
        ("fr", new(StringComparer.Ordinal) { "le", "la", "les", "et", "pour", "nous", "vous", "est", "des", "une", "du", "au" }),
        ("it", new(StringComparer.Ordinal) { "il", "per", "con", "della", "che", "non", "sono", "alla", "gli", "del", "di" }),
        ("es", new(StringComparer.Ordinal) { "el", "los", "para", "por", "con", "una", "que", "las", "del", "nos" }),
        ("hu", new(StringComparer.Ordinal) { "és", "az", "hogy", "nem", "kérjük", "egy", "vagy" }),
        ("tr", new(StringComparer.Ordinal) { "ve", "bir", "için", "ile", "bu", "lütfen" }),
    ];

    /// <summary>A document without stop labels: its language from common function words.</summary>
    private static string? ProseLanguage(ReadOnlySpan<char> text)
    {
        var scores = new int[FunctionWords.Length];
        foreach (var word in WordPattern().EnumerateMatches(text))
        {
            var w = text.Slice(word.Index, word.Length).ToString().ToLowerInvariant();
            for (var i = 0; i < FunctionWords.Length; i++)
            {
                if (FunctionWords[i].Words.Contains(w))
                {
                    scores[i]++;
                }
            }
        }

        var best = Array.IndexOf(scores, scores.Max());
        return scores[best] >= 3 ? FunctionWords[best].Lang : null;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
