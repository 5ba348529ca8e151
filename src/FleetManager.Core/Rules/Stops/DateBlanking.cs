using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Rules.Stops;

/// <summary>Text with one date replaced by spaces, so its digits are not read again as a time ("26.11. 08:00" is not "26:11").</summary>
internal static class DateBlanking
{
    public static string Without(string text, DateMatch date) =>
        string.Concat(text.AsSpan(0, date.Index), new string(' ', date.Length), text.AsSpan(date.Index + date.Length));
}
