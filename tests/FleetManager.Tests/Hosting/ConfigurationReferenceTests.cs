using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FleetManager.Geocoding;
using FleetManager.Geocoding.Google;
using FleetManager.Geocoding.Nominatim;
using FleetManager.Google.Auth;
using FleetManager.Google.Gmail;
using FleetManager.Google.Sheets;
using FleetManager.Llm;
using FleetManager.Llm.Gemini;
using FleetManager.Llm.OpenAi;
using FleetManager.Mail.Imap;
using FleetManager.Mail.Parsing;
using FleetManager.Service;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Hosting;

/// <summary>
/// docs/configuration.md cannot drift from the options classes: every option is documented with its
/// environment variable and default, and every documented key is bound by the program.
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    /// <summary>Each bound section and the options class it binds to.</summary>
    private static readonly (string Section, Type Options)[] Sections =
    [
        ("Storage", typeof(OrderStoreOptions)),
        ("Reader", typeof(ReaderOptions)),
        ("Gemini", typeof(GeminiOptions)),
        ("OpenAI", typeof(OpenAiOptions)),
        ("Geocoding", typeof(GeocodingOptions)),
        ("Geocoding:Google", typeof(GoogleGeocodingOptions)),
        ("Geocoding:Nominatim", typeof(NominatimOptions)),
        ("Google", typeof(GoogleOptions)),
        ("Gmail", typeof(GmailOptions)),
        ("Imap", typeof(ImapOptions)),
        ("Limits", typeof(MailLimitsOptions)),
        ("Sheets", typeof(SheetsOptions)),
        ("Service", typeof(ServiceOptions)),
        ("Sources:N", typeof(SourceOptions)),
        ("Dashboard", typeof(FleetManager.Dashboard.DashboardOptions)),
    ];

    /// <summary>Keys read directly from configuration rather than through an options class, with where.</summary>
    private static readonly HashSet<string> BoundDirectly = new(StringComparer.Ordinal)
    {
        "DataDir",                  // AppConfiguration (DATA_DIR), SourceCatalog, RunCommand
        "Logging:Format",           // LoggingSetup
        "Logging:LogLevel:Default", // Microsoft.Extensions.Logging's configuration
        "Sources:N:Folder:Path",    // FolderMailboxFactory
        "Sources:N:Gmail:KEY",      // SourceConfiguration.Overlay
        "Sources:N:Imap:KEY",       // SourceConfiguration.Overlay
    };

    private static IReadOnlyList<DocumentedSetting> Documented { get; } = ReadDocument();

    [Fact]
    public void Document_EveryOption_IsDocumented()
    {
        var documented = Documented.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        var missing = AllOptions().Select(o => o.Key).Where(key => !documented.Contains(key)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Document_EveryDocumentedKey_IsBound()
    {
        var bound = AllOptions().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);

        var unbound = Documented.Select(s => s.Key).Where(key => !bound.Contains(key) && !BoundDirectly.Contains(key)).ToList();

        Assert.Empty(unbound);
    }

    [Fact]
    public void Document_EachKeyOnce()
    {
        var repeated = Documented.GroupBy(s => s.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void Document_EveryRow_NamesItsEnvironmentVariable()
    {
        var wrong = Documented
            .Where(s => !s.Variable.Contains("FLEETMANAGER__" + s.Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(), StringComparison.Ordinal)
                && !(s.Key == "DataDir" && s.Variable.Contains("DATA_DIR", StringComparison.Ordinal)))
            .Select(s => s.Key)
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void Document_EveryDefaultWrittenAsAValue_IsTheOptionsDefault()
    {
        var defaults = AllOptions().ToDictionary(o => o.Key, o => o.Default, StringComparer.Ordinal);

        var wrong = new List<string>();
        foreach (var setting in Documented)
        {
            // "—" documents "not set"; a single `value` must match; prose (a rule, another setting) is not compared.
            if (!defaults.TryGetValue(setting.Key, out var actual) || !TryReadDefault(setting.Default, out var written))
            {
                continue;
            }

            if (!string.Equals(written, actual, StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{setting.Key}: documented '{written ?? "—"}', actual '{actual ?? "—"}'");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Document_HasOneTitleAndEveryTableAHeaderRow()
    {
        var lines = File.ReadAllLines(DocumentPath);

        Assert.Single(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('|') && (i == 0 || !lines[i - 1].StartsWith('|')))
            {
                Assert.True(i + 1 < lines.Length && lines[i + 1].StartsWith("| ---", StringComparison.Ordinal), $"table at line {i + 1} has no header row");
            }
        }
    }

    private static string DocumentPath => Path.Combine(RepoPaths.Root, "docs", "configuration.md");

    private sealed record DocumentedSetting(string Key, string Variable, string Default);

    private sealed record BoundOption(string Key, string? Default);

    private static List<DocumentedSetting> ReadDocument()
    {
        var settings = new List<DocumentedSetting>();
        foreach (var line in File.ReadLines(DocumentPath))
        {
            var match = SettingRow().Match(line);
            if (match.Success)
            {
                settings.Add(new DocumentedSetting(match.Groups["key"].Value, match.Groups["variable"].Value, match.Groups["default"].Value.Trim()));
            }
        }

        return settings;
    }

    private static IEnumerable<BoundOption> AllOptions()
    {
        foreach (var (section, type) in Sections)
        {
            var instance = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // Settable, or a get-only mutable list the binder fills (Storage:OutboxSinks); a computed read-only list is not a setting.
                var bindable = property.SetMethod?.IsPublic == true
                    || (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() is var generic
                        && (generic == typeof(IList<>) || generic == typeof(ICollection<>) || generic == typeof(List<>)));
                // Nested options classes are sections of their own (Geocoding:Google); computed properties are not settings.
                if (!bindable || Sections.Any(s => s.Options == property.PropertyType))
                {
                    continue;
                }

                yield return new BoundOption(section + ":" + property.Name, Format(property.GetValue(instance)));
            }
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        bool flag => flag ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Uri uri => uri.OriginalString,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable => null,
        _ => value.ToString(),
    };

    private static bool TryReadDefault(string cell, out string? value)
    {
        if (cell == "—")
        {
            value = null;
            return true;
        }

        var single = SingleValue().Match(cell);
        value = single.Success ? single.Groups["value"].Value : null;
        return single.Success;
    }

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9]+)*)` \| (?<variable>[^|]*) \| (?<default>[^|]*) \|")]
    private static partial Regex SettingRow();

    [GeneratedRegex(@"^`(?<value>[^`]*)`$")]
    private static partial Regex SingleValue();
}
