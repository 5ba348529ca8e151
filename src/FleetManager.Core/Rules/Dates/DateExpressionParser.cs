using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// Finds calendar dates in free text in the formats transport emails use: numeric day-first
/// (08.10.2026, 8.10., 08/10/2026, 20-10-2026, 4/1), ISO and Hungarian year-first (2026-10-08,
/// 2026.11.17.), and day/month-name forms in many languages (8th Oct, 3. Dezember, 3 grudnia,
/// 3 de diciembre, 3 декември, Dec 2, december 3., spalio 3 d.). A missing year is inferred with
/// <see cref="YearInference"/>. Calendar weeks and ASAP are not dates and yield nothing.
/// </summary>
public static partial class DateExpressionParser
{
    private static readonly SearchValues<char> DayFirstSeparators = SearchValues.Create("./-");

    /// <summary>All dates in <paramref name="text"/> in the order they are written.</summary>
    public static List<DateMatch> FindAll(string text, DateOnly emailDate)
    {
        var found = new List<DateMatch>();

        // Every pattern below needs a day written in digits; most lines of a stop have none.
        if (!TextScan.HasDigit(text))
        {
            return found;
        }

        // A year-first date starts with the literal "20" of its year.
        if (text.Contains("20", StringComparison.Ordinal))
        {
            foreach (Match m in YearFirst().Matches(text))
            {
                Add(found, m, Int(m.Groups["y"]), Int(m.Groups["m"]), Int(m.Groups["d"]), emailDate);
            }
        }

        // A day-first date separates day and month with ".", "/" or "-".
        if (text.AsSpan().ContainsAny(DayFirstSeparators))
        {
            AddDayFirst(found, text, emailDate);
        }

        foreach (Match m in DayMonthName().Matches(text))
        {
            var month = MonthNames.MonthOf(m.Groups["mon"].ValueSpan);
            if (month > 0 && !Overlaps(found, m))
            {
                Add(found, m, m.Groups["y"].Success ? Int(m.Groups["y"]) : 0, month, Int(m.Groups["d"]), emailDate);
            }
        }

        foreach (Match m in MonthNameDay().Matches(text))
        {
            var month = MonthNames.MonthOf(m.Groups["mon"].ValueSpan);
            if (month > 0 && !Overlaps(found, m))
            {
                Add(found, m, m.Groups["y"].Success ? Int(m.Groups["y"]) : 0, month, Int(m.Groups["d"]), emailDate);
            }
            else if (month == 0 && !m.Groups["y"].Success && IsWeekdayAndDay(m) && WeekdayNames.DayOf(m.Groups["mon"].ValueSpan) is > 0 and var weekday
                && !Overlaps(found, m) && !FollowedByUnit(text, m.Index + m.Length)
                && WeekdayAndDay(weekday, Int(m.Groups["d"]), emailDate) is { } date)
            {
                // "Tue 14th", "torsdag 12.", "pią 9": a weekday (any language file's names) and a day of the month.
                found.Add(new DateMatch(m.Index, m.Length, date));
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static void AddDayFirst(List<DateMatch> found, string text, DateOnly emailDate)
    {
        foreach (Match m in DayFirst().Matches(text))
        {
            if (Overlaps(found, m) || FollowedByUnit(text, m.Index + m.Length))
            {
                continue;
            }

            var sep = m.Groups["s"].Value;
            var day = m.Groups["d"].Value;
            var month = m.Groups["m"].Value;
            if (sep.Length > 1 && m.Groups["y"].Length == 2)
            {
                // "27. 01. 27, 08:15 - Marko: …" is a chat export's time stamp; mail spaces its dates with the whole year.
                continue;
            }

            if (!m.Groups["y"].Success)
            {
                // Without a year only unambiguous shapes count: "8.10." (closing dot), "09.12", "12/11";
                // "13.6" is a number and "8-12" a range of hours.
                var closingDot = m.Groups["dot"].Success;
                if ((sep == "-" && !IsDayDashMonth(text, m, day, month)) || (sep == "." && !closingDot && (day.Length < 2 || month.Length < 2)))
                {
                    continue;
                }
            }

            var year = m.Groups["y"].Success ? Int(m.Groups["y"]) : 0;
            if (year is > 0 and < 100)
            {
                year += 2000;
            }

            Add(found, m, year, int.Parse(month, CultureInfo.InvariantCulture), int.Parse(day, CultureInfo.InvariantCulture), emailDate);
        }
    }

    /// <summary>
    /// Whether "dd-mm" without a year is a date rather than a range of hours ("8-12", "10-14"): both parts
    /// two digits, and either the second is smaller than the first (hour ranges rise) or a time follows
    /// ("08-03 08:00-12:00").
    /// </summary>
    private static bool IsDayDashMonth(string text, Match m, string day, string month)
    {
        if (day.Length != 2 || month.Length != 2)
        {
            return false;
        }

        if (int.Parse(month, CultureInfo.InvariantCulture) < int.Parse(day, CultureInfo.InvariantCulture))
        {
            return true;
        }

        var end = m.Index + m.Length;
        return TimeAfter().IsMatch(text.AsSpan(end, Math.Min(8, text.Length - end)));
    }

    [GeneratedRegex(@"^[ \t]+\d{1,2}[:.]\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAfter();

    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    public static DateMatch? FindFirst(string text, DateOnly emailDate)
    {
        var all = FindAll(text, emailDate);
        return all.Count == 0 ? null : all[0];
    }

    private static void Add(List<DateMatch> found, Match m, int year, int month, int day, DateOnly emailDate)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return;
        }

        DateOnly? date;
        if (year == 0)
        {
            date = YearInference.Complete(month, day, emailDate);
        }
        else
        {
            date = year is >= 2000 and <= 2099 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        if (date is { } d)
        {
            found.Add(new DateMatch(m.Index, m.Length, d));
        }
    }

    /// <summary>
    /// Whether a weekday word and a number read as a date: the day written as one ("14th", "17.") or the weekday
    /// written out (five letters or more: "Tuesday 14", "piątek 11"). A short word before a bare number is too
    /// often something else ("Tor 12" is gate 12, not Danish Thursday the 12th).
    /// </summary>
    private static bool IsWeekdayAndDay(Match m)
    {
        var day = m.Groups["d"];
        return day.Index + day.Length < m.Index + m.Length || m.Groups["mon"].Length >= 5;
    }

    /// <summary>
    /// The date a weekday and a day of the month name together: the first day from a week before the email
    /// (as <see cref="YearInference"/> counts) that is that day of its month and falls on that weekday, looked
    /// for within <see cref="WeekdayDayHorizonDays"/> days; null when none does (the writer named a day that
    /// does not exist soon, so the text is not read as a date).
    /// </summary>
    internal static DateOnly? WeekdayAndDay(int weekday, int day, DateOnly emailDate)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var floor = emailDate.AddDays(-7);
        for (var offset = 0; offset < WeekdayDayHorizonDays; offset++)
        {
            var candidate = floor.AddDays(offset);
            if (candidate.Day == day && ((int)candidate.DayOfWeek + 6) % 7 + 1 == weekday)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// A stop's day named by its weekday alone ("Læsning: Vejle, fredag kl. 7-10", "Załadunek: jutro (piątek)"): the first
    /// such day on or after the email's day. Only one weekday written out (five letters or more) counts: two name a range
    /// of opening days ("Montag bis Freitag"), and abbreviations ("Mo–Fr") are too often something else. For a stop's
    /// own lines, not for prose, where a weekday may be any day of the conversation.
    /// </summary>
    internal static DateMatch? NamedWeekdayOnly(string text, DateOnly emailDate)
    {
        DateMatch? found = null;
        foreach (var word in WrittenWord().EnumerateMatches(text))
        {
            var weekday = WeekdayNames.DayOf(text.AsSpan(word.Index, word.Length));
            if (weekday == 0)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            var ahead = (weekday - (((int)emailDate.DayOfWeek + 6) % 7 + 1) + 7) % 7;
            found = new DateMatch(word.Index, word.Length, emailDate.AddDays(ahead));
        }

        // "KW 22, Mittwoch": the weekday of that calendar week, not of the coming days.
        if (found is { } day && CalendarWeek().Match(text) is { Success: true } week
            && WeekdayOfWeek(int.Parse(week.Groups["w"].ValueSpan, CultureInfo.InvariantCulture), day.Date.DayOfWeek, emailDate) is { } inWeek)
        {
            return day with { Date = inWeek };
        }

        return found;
    }

    /// <summary>
    /// The <paramref name="weekday"/> of ISO week <paramref name="week"/> that lies first on or after a week before the
    /// email (as <see cref="YearInference"/> counts for a date without its year); null for a week that does not exist.
    /// </summary>
    private static DateOnly? WeekdayOfWeek(int week, DayOfWeek weekday, DateOnly emailDate)
    {
        var floor = emailDate.AddDays(-7);
        for (var year = emailDate.Year; year <= emailDate.Year + 1; year++)
        {
            if (week >= 1 && week <= ISOWeek.GetWeeksInYear(year)
                && DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, weekday)) is var date && date >= floor)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>How far ahead a weekday and day are resolved: the rest of this month and all of the next two.</summary>
    private const int WeekdayDayHorizonDays = 100;

    private static bool Overlaps(List<DateMatch> found, Match m)
    {
        foreach (var f in found)
        {
            if (m.Index < f.Index + f.Length && f.Index < m.Index + m.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowedByUnit(string text, int end) => UnitAfter().IsMatch(text.AsSpan(end, Math.Min(12, text.Length - end)));

    private static int Int(Group g) => int.Parse(g.ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\d./\-])(?<y>20\d{2})(?<s>[-./])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})\.?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    /// <summary>"26.01.2027", "26/1/27", "8.10.", "09-12", and with a space after each dot as Slovene, Czech and Croatian mail writes it ("26. 1. 2027", "26. 1.": the month's dot is required then).</summary>
    [GeneratedRegex(@"(?<![\d./\-+€$£\p{L}])(?<d>\d{1,2})(?<s>[./\-]|\.[ \u00A0](?=\d{1,2}\.))(?<m>\d{1,2})(?:\k<s>(?<y>20\d{2}|\d{2})(?!\d))?(?:(?<dot>\.)(?!\d)|(?![\d/\-]|[.,]\d))", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"(?<![\d\p{L}])(?<d>\d{1,2})(?:st|nd|rd|th|er|e|\.|º)?(?:\s*(?:de|of)\s+|\s*[\s.\-]\s*)(?<mon>\p{L}{3,12})\.?(?:,?\s+(?<y>20\d{2})(?!\d))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"(?<![\p{L}])(?<mon>\p{L}{3,12})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th|\.)?(?![\d:]|[.,]\d)(?:,?\s+(?<y>20\d{2})(?!\d))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"^\s*(?:kg|t\b|to\b|ton|ldm|lm\b|m\b|m³|m3|%|€|eur|pln|zł|czk|palet|pal\b|pallet|epal|cm\b|mm\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UnitAfter();

    [GeneratedRegex(@"(?<!\p{L})\p{L}{5,13}(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenWord();

    /// <summary>A calendar week: "KW 22", "CW22", "week 22", "Woche 22", "semaine 22", "tydzień 22", "týden 22", "vecka 22", "uge 22", "viikko 22".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:kw|cw|wk|week|woche|semaine|settimana|semana|tydzie[nń]|t[ýy]den|t[ýy]ždeň|hét|vecka|uke|uge|viikko|v\.)\s*(?<w>\d{1,2})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CalendarWeek();
}
