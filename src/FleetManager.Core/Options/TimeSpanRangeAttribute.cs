using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FleetManager.Core.Options;

/// <summary>
/// A <see cref="TimeSpan"/> option must lie between two bounds (inclusive), written as
/// <c>[d.]hh:mm:ss[.fff]</c>. It replaces <c>[Range(typeof(TimeSpan), min, max)]</c>, whose
/// type-converter lookup needs reflection that Native AOT and trimming cannot keep; this one parses
/// the bounds itself, so the source-generated options validators stay reflection-free.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The field {0} must be between {1} and {2}.")
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
        if (Minimum > Maximum)
        {
            throw new ArgumentException($"The minimum {minimum} is above the maximum {maximum}.", nameof(minimum));
        }
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    /// <summary>Null passes (as with <see cref="RangeAttribute"/>): a required value is <see cref="RequiredAttribute"/>'s job.</summary>
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        TimeSpan span => span >= Minimum && span <= Maximum,
        _ => false,
    };

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
