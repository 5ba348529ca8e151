using System.CommandLine;
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

    /// <summary>
    /// The one error worth showing of <paramref name="parse"/>: an unknown word before its consequence (System.CommandLine
    /// lists "Required command was not provided" first after a mistyped verb), with the verb meant when one is close:
    /// "'imprt' is not a verb of fleetmanager: did you mean 'import'?".
    /// </summary>
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var unknown = parse.Errors.FirstOrDefault(e => Unrecognized().IsMatch(e.Message));
        if (unknown is null)
        {
            return Describe(parse.Errors[0]);
        }

        var word = Unrecognized().Match(unknown.Message).Groups["token"].Value;
        if (word.Length > 40)
        {
            // No verb is that long, and the comparison's table grows with the word.
            return Describe(unknown);
        }

        var command = parse.CommandResult.Command;
        var meant = command.Subcommands
            .Where(c => !c.Hidden)
            .Select(c => (c.Name, Distance: EditDistance(word.ToLowerInvariant(), c.Name)))
            .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
        var commandPath = string.Join(' ', CommandPath(parse.CommandResult));
        return meant is null
            ? Describe(unknown)
            : $"'{word}' is not a verb of {commandPath}: did you mean '{meant}'?";
    }

    private static Stack<string> CommandPath(CommandResult result)
    {
        var names = new Stack<string>();
        for (SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is CommandResult command)
            {
                names.Push(command.Parent is null ? "fleetmanager" : command.Command.Name);
            }
        }

        return names;
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) between two short words.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']*)' as expected type '[^']*'\.?", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?:\s*'(?<choice>[^']*)')+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NotAmong();
}
