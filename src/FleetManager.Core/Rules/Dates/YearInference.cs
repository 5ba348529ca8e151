namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// The spec's rule for dates written without a year: the nearest such date on or after the
/// email's Date header minus 7 days (so "3 Jan" in a mail of 28 Dec is next year's).
/// </summary>
public static class YearInference
{
    /// <summary>Completes a day and month with a year, or null when the day does not exist.</summary>
    public static DateOnly? Complete(int month, int day, DateOnly emailDate)
    {
        var floor = emailDate.AddDays(-7);
        for (var year = floor.Year; year <= floor.Year + 4; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month))
            {
                var candidate = new DateOnly(year, month, day);
                if (candidate >= floor)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
