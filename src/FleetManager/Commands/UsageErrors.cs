using System.Text.RegularExpressions;

namespace FleetManager.Commands;

/// <summary>Command-line parse errors as a user reads them: no .NET type names.</summary>
internal static partial class UsageErrors
{
    /// <summary>
    /// System.CommandLine's "Cannot parse argument 'x' for option '--y' as expected type 'System.Int64'"
    /// becomes "'x' is not a valid value for --y"; other messages are kept.
    /// </summary>
    public static string Describe(string message)
    {
        var match = CannotParse().Match(message);
        return match.Success
            ? $"'{match.Groups["value"].Value}' is not a valid value for {match.Groups["name"].Value} (see --help)."
            : message;
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '[^']*'\.?", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();
}
