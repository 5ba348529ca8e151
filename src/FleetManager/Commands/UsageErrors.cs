using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace FleetManager.Commands;

/// <summary>Command-line parse errors as a user reads them: one line, no .NET type names.</summary>
internal static partial class UsageErrors
{
    /// <summary>
    /// System.CommandLine's "Cannot parse argument 'x' for option '--y' as expected type 'System.Int64'" becomes
    /// "'x' is not a valid value for --y", and its list of allowed values (one per line) becomes one line naming the
    /// option: "'boss' is not a valid value for --role: use viewer, dispatcher or admin."; other messages are kept.
    /// </summary>
    public static string Describe(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var match = CannotParse().Match(message);
        if (match.Success)
        {
            return $"'{match.Groups["value"].Value}' is not a valid value for {match.Groups["name"].Value} (see --help).";
        }

        var notAmong = NotAmong().Match(message);
        if (notAmong.Success)
        {
            var choices = notAmong.Groups["choice"].Captures.Select(c => c.Value).ToList();
            var allowed = choices.Count == 1 ? choices[0] : string.Join(", ", choices[..^1]) + " or " + choices[^1];
            var name = error.SymbolResult switch
            {
                OptionResult option => option.Option.Name,
                ArgumentResult argument => argument.Argument.Name,
                _ => null,
            };
            return name is null
                ? $"'{notAmong.Groups["value"].Value}' is not a valid value: use {allowed}."
                : $"'{notAmong.Groups["value"].Value}' is not a valid value for {name}: use {allowed}.";
        }

        return message.ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '[^']*'\.?", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?:\s*'(?<choice>[^']*)')+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NotAmong();
}
