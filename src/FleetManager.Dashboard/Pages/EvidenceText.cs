using FleetManager.Core.Model;

namespace FleetManager.Dashboard.Pages;

/// <summary>
/// The analysed text with each field's evidence marked: <c>&lt;mark data-fields="weight_kg"&gt;</c> around the
/// characters the field was read from (several names where spans overlap). The page's script lights up the
/// marks of the field being edited; every character of the text is encoded.
/// </summary>
public static class EvidenceText
{
    public static void Write(HtmlBuilder html, string text, IReadOnlyDictionary<string, TextSpan> sources)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sources);
        var valid = sources.Where(s => s.Value.Start >= 0 && s.Value.Length > 0 && s.Value.Start + s.Value.Length <= text.Length).ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var (_, span) in valid)
        {
            cuts.Add(span.Start);
            cuts.Add(span.Start + span.Length);
        }

        var positions = cuts.ToList();
        for (var i = 0; i + 1 < positions.Count; i++)
        {
            var start = positions[i];
            var end = positions[i + 1];
            var segment = text[start..end];
            var fields = valid.Where(s => s.Value.Start <= start && s.Value.Start + s.Value.Length >= end).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
            if (fields.Count == 0)
            {
                html.Text(segment);
            }
            else
            {
                html.Add($"""<mark data-fields="{string.Join(' ', fields)}" title="{string.Join(", ", fields)}">{segment}</mark>""");
            }
        }
    }
}
