using System.ComponentModel.DataAnnotations;
using Cronos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using FleetManager.Hosting;
using FleetManager.Service.Readers;

namespace FleetManager.Service.Sources;

/// <summary>
/// Checks the <c>Sources</c> array at start: each entry's own rules, unique names, a known kind and
/// reader, a usable schedule, and the kind's own settings (<see cref="IMailboxFactory.Validate"/>).
/// </summary>
internal sealed class SourcesOptionsValidator(IConfiguration configuration, IEnumerable<IMailboxFactory> kinds, IEnumerable<IOrderReaderFactory> readers)
    : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var failures = new List<string>();
        var sections = configuration.GetSection("Sources").GetChildren().ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var label = $"Sources:{i}";
            var attributes = new SourceOptionsValidator().Validate(label, source);
            if (attributes.Failed)
            {
                failures.AddRange(attributes.Failures.Select(f => $"{label}: {f}"));
            }

            if (source.Name.Length > 0 && !names.Add(source.Name))
            {
                failures.Add($"{label}: the name '{source.Name}' is used by another source (names must be unique).");
            }

            if (string.IsNullOrWhiteSpace(source.Cron) && source.Interval <= TimeSpan.Zero)
            {
                failures.Add($"{label}: Interval must be positive (or set Cron).");
            }
            else if (!string.IsNullOrWhiteSpace(source.Cron))
            {
                try
                {
                    SourceSchedule.For(source);
                }
                catch (CronFormatException ex)
                {
                    failures.Add($"{label}: Cron '{source.Cron}' is not a cron expression: {ex.Message}");
                }
            }

            if (!readers.Any(r => string.Equals(r.Name, source.Reader, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{label}: Reader '{source.Reader}' is unknown (known: {string.Join(", ", readers.Select(r => r.Name))}).");
            }

            var kind = kinds.FirstOrDefault(k => string.Equals(k.Kind, source.Kind, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                failures.Add($"{label}: Kind '{source.Kind}' is unknown (known: {string.Join(", ", kinds.Select(k => k.Kind))}).");
            }
            else if (i < sections.Count)
            {
                // A source's own section: its environment variables are under FLEETMANAGER__SOURCES__i__, not the root's.
                failures.AddRange(kind.Validate(source, sections[i]).Select(f => $"{label}: {f.Replace("FLEETMANAGER__IMAP__", $"FLEETMANAGER__SOURCES__{i}__IMAP__", StringComparison.Ordinal)}"));
            }
        }

        // With no source configured the service reads the default inbox with Reader:Kind: that reader must exist too.
        var defaultReader = ReaderConfiguration.DefaultReader(configuration);
        if (options.Sources.Count == 0 && !readers.Any(r => string.Equals(r.Name, defaultReader, StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"Reader:Kind '{defaultReader}' is unknown (known: {string.Join(", ", readers.Select(r => r.Name))}).");
        }

        // A reader's own settings (a model's key) matter only when some enabled source uses it, or it reads the default inbox.
        var used = options.Sources.Count == 0 ? [defaultReader] : options.Sources.Where(s => s.Enabled).Select(s => s.Reader).ToList();
        foreach (var reader in readers.Where(r => used.Contains(r.Name, StringComparer.OrdinalIgnoreCase)))
        {
            failures.AddRange(reader.Validate().Select(f => $"Reader '{reader.Name}': {f}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
