using System.Text.RegularExpressions;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// What stands between the two places of a route one-liner: an arrow, a dash or a short joining word
/// ("85386 Eching -> 02-672 Warszawa", "Lyon à Milano"), possibly after the first place's country
/// ("21034 Вінниця, Україна -> 35-205 Жешув, Польща", "4006 Plovdiv (BG) – 1000 Sofia").
/// </summary>
internal static partial class RouteSeparator
{
    /// <summary>True when <paramref name="between"/> (the text between the two places) joins them as a route.</summary>
    public static bool Joins(string between)
    {
        if (Join().IsMatch(between))
        {
            return true;
        }

        // ", Country ->" or " (CC) ->": the first place's country, then an arrow or a dash.
        var trimmed = between.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is not (',' or '('))
        {
            return false;
        }

        var arrow = ArrowAtEnd().Match(trimmed);
        if (!arrow.Success)
        {
            return false;
        }

        var country = trimmed[..arrow.Index].Trim().Trim(',', '(', ')').Trim();
        return country.Length > 1 && (StopCountryNames.FromName(country) is not null
            || (country.Length is 2 or 3 && country.All(char.IsAsciiLetterUpper) && StopCountryNames.FromCode(country) is not null));
    }

    [GeneratedRegex(@"^\s*(?:->|→|=>|⇒|>|–|—|-|to|nach|do|a|à|naar|till)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Join();

    [GeneratedRegex(@"\s*(?:->|→|=>|⇒|>|–|—|-)\s*$")]
    private static partial Regex ArrowAtEnd();
}
