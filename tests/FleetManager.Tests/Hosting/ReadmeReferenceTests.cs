using System.Reflection;
using System.Text.RegularExpressions;
using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Hosting;

/// <summary>
/// README.md's verb table and exit-code table cannot drift from the program: every verb the command line
/// accepts has a row, every row names a verb that exists, and the exit codes listed are exactly the ones
/// <see cref="ExitCodes"/> defines.
/// </summary>
public sealed partial class ReadmeReferenceTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void VerbTable_EveryVerbOfTheCommandLine_HasARowAndNoRowNamesAnUnknownVerb()
    {
        var verbs = CommandLine.CreateRoot().Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var documented = VerbRow().Matches(Readme).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(verbs);
        Assert.Equal(verbs, documented);
    }

    [Fact]
    public void ExitCodeTable_ListsExactlyTheCodesTheProgramUses()
    {
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => (int)f.GetRawConstantValue()!)
            .Distinct().Order().ToList();
        var documented = ExitCodeRow().Matches(Readme).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();

        Assert.Equal(codes, documented);
    }

    /// <summary>A verb table row: <c>| `fleetmanager VERB ...` |</c>.</summary>
    [GeneratedRegex(@"^\| `fleetmanager ([a-z]+)", RegexOptions.Multiline)]
    private static partial Regex VerbRow();

    /// <summary>An exit-code table row: <c>| `N` | meaning |</c>.</summary>
    [GeneratedRegex(@"^\| `(\d+)` \|", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
