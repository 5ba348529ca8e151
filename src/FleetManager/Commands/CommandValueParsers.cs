using System.CommandLine.Parsing;
using System.Globalization;

namespace FleetManager.Commands;

/// <summary>
/// Parsers for option and argument values that say what is expected in words, instead of the .NET
/// type names System.CommandLine prints (<c>System.Nullable`1[System.DateOnly]</c>, <c>System.Int64</c>),
/// and that accept one unambiguous form only.
/// </summary>
internal static class CommandValueParsers
{
    /// <summary>An ISO date (YYYY-MM-DD) only: <c>01.12.2026</c> is January or December depending on who wrote it.</summary>
    public static DateOnly? IsoDate(ArgumentResult result)
    {
        var text = SingleToken(result);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"{NameOf(result)} expects a date as YYYY-MM-DD (for example 2026-12-01), not '{text}'.");
        return null;
    }

    /// <summary>A whole number of at least 1 (a count such as <c>--limit</c>).</summary>
    public static int? PositiveCount(ArgumentResult result)
    {
        var text = SingleToken(result);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
        {
            return count;
        }

        result.AddError($"{NameOf(result)} expects a whole number of at least 1, not '{text}'.");
        return null;
    }

    /// <summary>A positive whole number that identifies a row (an order id).</summary>
    public static long Id(ArgumentResult result)
    {
        var text = SingleToken(result) ?? "";
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
        {
            return id;
        }

        result.AddError($"{NameOf(result)} expects an order id (a whole number from the first column of 'orders list'), not '{text}'.");
        return 0;
    }

    private static string? SingleToken(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;

    private static string NameOf(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
