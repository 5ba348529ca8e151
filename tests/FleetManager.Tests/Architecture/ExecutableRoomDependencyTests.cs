using System.Text.RegularExpressions;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Architecture;

/// <summary>
/// The executable's rooms depend one way (docs/architecture.md): <c>Commands/</c> may use <c>Service/</c> (the verbs
/// start the service) and <c>Hosting/</c>; <c>Service/</c> uses <c>Hosting/</c> and never <c>Commands/</c>;
/// <c>Hosting/</c>, what both share, uses neither. Read from the source files — a using, a qualified name, or the name
/// of a type the forbidden room declares, outside comments and strings — so a method body's reference fails too.
/// </summary>
public sealed partial class ExecutableRoomDependencyTests
{
    private static readonly string Executable = Path.Combine(RepoPaths.Root, "src", "FleetManager");

    [Theory]
    [InlineData("Service", "Commands")]
    [InlineData("Hosting", "Commands")]
    [InlineData("Hosting", "Service")]
    public void Room_SourceFiles_ReferNothingOfTheRoomItMustNotUse(string room, string forbidden)
    {
        var forbiddenTypes = DeclaredTypes(forbidden);
        var violations = new List<string>();
        foreach (var file in SourceFiles(room))
        {
            var code = CodeOnly(File.ReadAllText(file));
            var relative = Path.GetRelativePath(Executable, file);
            if (Regex.IsMatch(code, $@"\busing\s+(static\s+)?(\w+\s*=\s*)?FleetManager\.{forbidden}\b") || Regex.IsMatch(code, $@"\b(FleetManager\.)?{forbidden}\.[A-Z]"))
            {
                violations.Add($"{relative}: names the namespace FleetManager.{forbidden}");
            }

            violations.AddRange(forbiddenTypes
                .Where(type => Regex.IsMatch(code, $@"(?<![\w.]){type}\b"))
                .Select(type => $"{relative}: uses {forbidden}/'s {type}"));
        }

        Assert.True(violations.Count == 0, $"{room}/ must not use {forbidden}/:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Rooms_EachHoldSourceFilesAndDeclareTypes()
    {
        // The check above is only as good as what it reads: the rooms are where the test looks.
        foreach (var room in new[] { "Commands", "Service", "Hosting" })
        {
            Assert.NotEmpty(SourceFiles(room));
            Assert.NotEmpty(DeclaredTypes(room));
        }

        Assert.Contains("ExitCodes", DeclaredTypes("Commands"));
        Assert.Contains("VerbEnvironment", DeclaredTypes("Commands"));
        Assert.Contains("ServiceHost", DeclaredTypes("Service"));
    }

    [Fact]
    public void CodeOnly_CommentsAndStrings_AreNotCode()
    {
        var code = CodeOnly("""
            // ExitCodes in a comment
            /// <see cref="VerbEnvironment"/>
            /* CommandLine */ var text = "ExitCodes"; var verbatim = @"VerbEnvironment"; var interpolated = $"{ExitCodes.Success}";
            var real = ServiceHost.Build();
            """);

        Assert.DoesNotContain("VerbEnvironment", code, StringComparison.Ordinal);
        Assert.DoesNotContain("CommandLine", code, StringComparison.Ordinal);
        Assert.DoesNotContain("ExitCodes", code, StringComparison.Ordinal);
        Assert.Contains("ServiceHost.Build()", code, StringComparison.Ordinal);
    }

    private static List<string> SourceFiles(string room) =>
        Directory.EnumerateFiles(Path.Combine(Executable, room), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>The names of the types a room's files declare (classes, records, structs, interfaces, enums, delegates).</summary>
    private static HashSet<string> DeclaredTypes(string room) => SourceFiles(room)
        .SelectMany(file => TypeDeclaration().Matches(CodeOnly(File.ReadAllText(file))).Select(m => m.Groups["name"].Value))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The code of a C# file without its comments and the text of its string and character literals. An interpolated
    /// string's holes are dropped with it: a reference there is rare enough, and the compiler needs the using anyway.
    /// </summary>
    private static string CodeOnly(string source) => NonCode().Replace(source, match => match.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|\$*@?"""""".*?""""""|\$*@""(?:[^""]|"""")*""|\$*""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)+'", RegexOptions.Singleline)]
    private static partial Regex NonCode();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum|delegate\s+[\w<>?,\s]+?)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();
}
