using System.Globalization;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// How many decompressed bytes one attachment may produce, counted as they are produced (see
/// <see cref="BudgetedReadStream"/>). One budget spans all the parts of one file, so a hundred
/// modest zip entries cannot add up to a bomb either.
/// </summary>
internal sealed class InflationBudget(long limit, string what)
{
    private long _spent;

    public long Limit { get; } = limit;

    public long Spent => _spent;

    /// <summary>Counts <paramref name="bytes"/> more; throws once the total passes the limit.</summary>
    /// <exception cref="AttachmentLimitExceededException">The budget is spent.</exception>
    public void Spend(long bytes)
    {
        _spent += bytes;
        if (_spent > Limit)
        {
            throw new AttachmentLimitExceededException(string.Format(CultureInfo.InvariantCulture,
                "{0} decompresses to more than {1} (the limit Limits:MaxInflatedBytes)", what, Describe(Limit)));
        }
    }

    /// <summary>A byte count as a person reads it: "64 MB", "512 KB".</summary>
    public static string Describe(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB")
        : bytes >= 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB") : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
