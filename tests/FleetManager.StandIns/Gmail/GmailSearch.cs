using System.Globalization;

namespace FleetManager.StandIns.Gmail;

/// <summary>
/// The part of Gmail's search language the stand-in reproduces: <c>in:</c>/<c>label:</c> (negatable with
/// <c>-</c>; label names compared as Gmail does, case-insensitive with <c>/</c> and spaces as <c>-</c>),
/// <c>is:unread</c>/<c>is:read</c>, and <c>after:</c>/<c>before:</c> with epoch seconds or <c>yyyy/mm/dd</c>.
/// Every other term (free text, <c>from:</c>, <c>has:</c> ...) is refused by <see cref="Parse"/>: matching it
/// loosely would let a wrong query pass a test.
/// </summary>
public sealed class GmailSearch
{
    private readonly List<(bool Negated, string Label)> _labels = [];
    private DateTimeOffset? _after;
    private DateTimeOffset? _before;

    private GmailSearch()
    {
    }

    /// <summary>The search, or null when it holds a term the stand-in cannot judge.</summary>
    public static GmailSearch? Parse(string query)
    {
        var search = new GmailSearch();
        foreach (var raw in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var negated = raw.StartsWith('-');
            var term = negated ? raw[1..] : raw;
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            var (op, value) = colon > 0 ? (term[..colon].ToLowerInvariant(), term[(colon + 1)..]) : ("", term);
            switch (op)
            {
                case "in" or "label" when value.Length > 0:
                    search._labels.Add((negated, Normalise(value)));
                    break;
                case "is" when value.Equals("unread", StringComparison.OrdinalIgnoreCase):
                    search._labels.Add((negated, "unread"));
                    break;
                case "is" when value.Equals("read", StringComparison.OrdinalIgnoreCase):
                    search._labels.Add((!negated, "unread"));
                    break;
                case "after" when !negated && Instant(value) is { } after:
                    search._after = after;
                    break;
                case "before" when !negated && Instant(value) is { } before:
                    search._before = before;
                    break;
                default:
                    return null;
            }
        }

        return search;
    }

    /// <summary>Whether <paramref name="message"/> matches; <paramref name="labelNames"/> maps label ids to names.</summary>
    public bool Matches(GmailStandInMessage message, IReadOnlyDictionary<string, string> labelNames)
    {
        var names = message.LabelIds.Select(id => Normalise(labelNames.GetValueOrDefault(id, id))).ToHashSet(StringComparer.Ordinal);
        return _labels.All(l => names.Contains(l.Label) != l.Negated)
            && (_after is null || message.InternalDate > _after)
            && (_before is null || message.InternalDate < _before);
    }

    private static string Normalise(string label) => label.ToLowerInvariant().Replace('/', '-').Replace(' ', '-');

    private static DateTimeOffset? Instant(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) ? DateTimeOffset.FromUnixTimeSeconds(epoch)
        : DateTimeOffset.TryParseExact(value, "yyyy/M/d", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day) ? day
        : null;
}
