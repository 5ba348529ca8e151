using System.Globalization;
using System.Text.RegularExpressions;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// Reads a time window from a line of a stop: ranges ("09:00 - 13:00", "8-14 Uhr", "od 7 do 15",
/// "entre 8h et 16h", "h 8:00-12:00", "между 8 и 16 ч"), open bounds ("ab 6 Uhr", "from 8am" set the
/// start; "bis 12 Uhr", "do 12:00", "until 12", "до 16:00", "12:00-ig" set the end) and exact slots
/// ("07:30", "à 9h00") which set both. Dates should be blanked out of the text first.
/// </summary>
public static partial class TimeWindowParser
{
    private const string Clock = @"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d|\s?h(?:[0-5]\d)?(?![\p{L}])|\s?[ap]\.?m\.?(?![\p{L}]))";
    private const string Hour = @"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d|\s?h(?:[0-5]\d)?(?![\p{L}])|\s?[ap]\.?m\.?(?![\p{L}]))?";
    private const string NotQuantity = @"(?![.,]\d)(?!\s*(?:t\b|kg|ton|to\b|pal|epal|ldm|lm\b|m\b|m3|m³|%|€|eur|zł|zl\b|pln|dni|days|tage|tag|giorni|dias|días|szt|st\b|stk|x\d))";

    /// <summary>The first time window in <paramref name="text"/>, empty when none.</summary>
    public static TimeWindow Parse(string text)
    {
        // Every pattern below needs an hour, and an hour starts with a digit; stop lines are often
        // left without one once their dates are blanked out.
        if (!TextScan.HasDigit(text))
        {
            return default;
        }

        var range = Range().Match(text);
        if (range.Success && (IsClock(range.Groups["a"].Value) || IsClock(range.Groups["b"].Value)
            || range.Groups["pre"].Success || range.Groups["unit"].Success))
        {
            return new TimeWindow(ToTime(range.Groups["a"].Value), ToTime(range.Groups["b"].Value));
        }

        var from = OpenFrom().Match(text);
        var to = OpenTo().Match(text);
        var suffixTo = SuffixTo().Match(text);
        if (!to.Success && suffixTo.Success)
        {
            to = suffixTo;
        }

        if (from.Success || to.Success)
        {
            return new TimeWindow(from.Success ? ToTime(from.Groups["t"].Value) : null, to.Success ? ToTime(to.Groups["t"].Value) : null);
        }

        var exact = Exact().Match(text);
        if (!exact.Success)
        {
            exact = ClockWordHour().Match(text);
        }

        if (exact.Success)
        {
            var t = ToTime(exact.Groups["t"].Value);
            return new TimeWindow(t, t);
        }

        return default;
    }

    private static bool IsClock(string value) => value.Contains(':') || value.Contains('.') || value.Contains('h') || value.Contains('m');

    private static TimeOnly? ToTime(string value)
    {
        var digits = new List<int>();
        var current = -1;
        var pm = value.Contains('p', StringComparison.OrdinalIgnoreCase);
        var am = value.Contains('a', StringComparison.OrdinalIgnoreCase);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                current = (current < 0 ? 0 : current * 10) + (c - '0');
            }
            else if (current >= 0)
            {
                digits.Add(current);
                current = -1;
            }
        }

        if (current >= 0)
        {
            digits.Add(current);
        }

        if (digits.Count == 0)
        {
            return null;
        }

        var hour = digits[0];
        var minute = digits.Count > 1 ? digits[1] : 0;
        if (pm && hour < 12)
        {
            hour += 12;
        }
        else if (am && hour == 12)
        {
            hour = 0;
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"(?<![\d:.,/])(?<pre>\b(?:od|from|von|ab|between|zwischen|entre|tussen|dalle|dal|de|desde|от|между|între|intre|ore|ora|godz\.?|godzina|h|hod\.?|um|at|van|interval|orario|horario|time|window|zeitfenster|kl\.?|klo|kello|kell|plkst\.?)\s*(?:ore\s+|godz\.?\s*)?)?(?<a>" + Hour + @")\s*(?:-|–|—|to|bis|do|à|a|al|alle|en|et|and|und|и|до|până\s+la|pana\s+la|y|tot|till|līdz|lidz)\s*(?<b>" + Hour + @")" + NotQuantity + @"(?:\s*(?<unit>Uhr|h\b|hod|ч|uur|óra|godz|hrs|hours))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"(?:\b(?:ab|from|od|von|dès|des|à\s+partir\s+de|a\s+partir\s+de|dalle|desde|vanaf|от|după|dupa|after|nach|starting|fra|från|fraa)\s+(?:ore\s+|ora\s+|godz\.?\s*|h\s+|las\s+|kl\.?\s*)?)(?<t>" + Hour + @")" + NotQuantity + @"(?!\s*(?:-|–|\d))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpenFrom();

    [GeneratedRegex(@"(?:\b(?:bis|until|till|by|before|do|до|entro|jusqu'à|jusqu’à|jusqu'a|avant|hasta|antes\s+de|tot|uiterlijk|până\s+la|pana\s+la|latest|spätestens|najpóźniej|closes|closing|schließt|zamyka|not\s+later\s+than|senest|senast|innan|inden|før|före|līdz|lidz)\s+(?:(?:le|las|la|ore|ora|godz\.?|h|um|at|spätestens|do|o|kl\.?|plkst\.?)\s*)*)(?<t>" + Hour + @")" + NotQuantity, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpenTo();

    /// <summary>An end bound written after the hour: Hungarian "12:00-ig", Finnish "klo 12 mennessä" (by 12), "klo 16 asti" (until 16).</summary>
    [GeneratedRegex(@"(?<![\d:.])(?:(?<t>" + Clock + @")-ig\b|(?:klo\s*)?(?<t>" + Hour + @")\s+(?:mennessä|asti)(?!\p{L}))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SuffixTo();

    [GeneratedRegex(@"(?<![\d:.,/])(?<t>" + Clock + @")(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Exact();

    /// <summary>
    /// "kl. 8", "klo 8", "kell 8", "plkst. 8": the Nordic, Estonian and Latvian word for "o'clock" before a bare hour makes it a time. Lower case
    /// only: a capital "Kl. 3" is more often a German dangerous-goods class.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:kl\.?|klo|kello|kell|plkst\.?)\s*(?<t>" + Hour + @")(?![\d])" + NotQuantity, RegexOptions.CultureInvariant)]
    private static partial Regex ClockWordHour();

    internal static string Format(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
