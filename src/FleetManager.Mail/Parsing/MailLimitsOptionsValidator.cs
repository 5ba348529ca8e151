using System.Globalization;
using Microsoft.Extensions.Options;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Checks the <c>Limits</c> section at start: each limit between a floor below which no real order mail could be read
/// and a ceiling above which the limit no longer protects memory (and, for the character limits, ten times the value
/// must still fit the counters that use it). Written out rather than with <c>[Range]</c>, whose conversion of a
/// <c>long</c> outside <c>int</c> throws instead of failing validation; each failure names the setting.
/// </summary>
public sealed class MailLimitsOptionsValidator : IValidateOptions<MailLimitsOptions>
{
    /// <summary>1 GiB: more than any mail server accepts, and more than one message should ever hold in memory.</summary>
    private const long MaxBytesCeiling = 1L << 30;

    public ValidateOptionsResult Validate(string? name, MailLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, nameof(MailLimitsOptions.MaxMessageBytes), options.MaxMessageBytes, 1024, MaxBytesCeiling);
        Check(failures, nameof(MailLimitsOptions.MaxAttachmentBytes), options.MaxAttachmentBytes, 1024, MaxBytesCeiling);
        Check(failures, nameof(MailLimitsOptions.MaxPdfPages), options.MaxPdfPages, 1, 10_000);
        Check(failures, nameof(MailLimitsOptions.MaxTextLength), options.MaxTextLength, 1_000, 20_000_000);
        Check(failures, nameof(MailLimitsOptions.MaxInflatedBytes), options.MaxInflatedBytes, 64 * 1024, MaxBytesCeiling);
        Check(failures, nameof(MailLimitsOptions.MaxHeaderLength), options.MaxHeaderLength, 100, 1_000_000);
        Check(failures, nameof(MailLimitsOptions.MaxHeaderBlockBytes), options.MaxHeaderBlockBytes, 4 * 1024, 64 * 1024 * 1024);

        // The MIME parser underneath stops at 128 levels; the limit must stay below it to be the one that speaks.
        Check(failures, nameof(MailLimitsOptions.MaxMimeDepth), options.MaxMimeDepth, 1, 100);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, long value, long minimum, long maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{MailLimitsOptions.SectionName}:{setting} is {value}; it must be between {minimum} and {maximum} (docs/limits.md; FLEETMANAGER__{MailLimitsOptions.SectionName.ToUpperInvariant()}__{setting.ToUpperInvariant()})."));
        }
    }
}
