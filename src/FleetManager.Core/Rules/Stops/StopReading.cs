using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// What stop extraction reads from one document, computed once: the same line is looked at by the
/// route reader, the section that collects it, the fragment that section becomes (sometimes twice)
/// and the document-language vote, and every block of a multi-order message reads the document again.
/// The readers below are pure functions of their text, so remembering their answers per document
/// changes nothing but the CPU. The lists handed out are shared: callers must not change them.
/// </summary>
internal sealed class StopReading
{
    private readonly DocumentPlaces _places;
    private readonly Geo.OfflineGazetteer? _gazetteer;
    private readonly Dictionary<string, List<PostalPlace>> _confirmed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateMatch>> _dates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LineLabel?> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeWindow> _blankedWindows = new(StringComparer.Ordinal);

    public StopReading(RulesDocument document, DateOnly emailDate)
        : this(document, emailDate, document.Places)
    {
    }

    public StopReading(RulesDocument document, DateOnly emailDate, DocumentPlaces places, Geo.OfflineGazetteer? gazetteer = null)
    {
        Document = document;
        EmailDate = emailDate;
        _places = places;
        _gazetteer = gazetteer;
    }

    public RulesDocument Document { get; }

    /// <summary>The date that completes dates written without a year.</summary>
    public DateOnly EmailDate { get; }

    /// <summary>The document's stop-label language, once computed (see <see cref="LanguageKnown"/>).</summary>
    public string? Language { get; set; }

    public bool LanguageKnown { get; set; }

    /// <summary>The document's load list, once looked for (see <see cref="LoadListKnown"/>).</summary>
    public LoadListTable? LoadList { get; set; }

    public bool LoadListKnown { get; set; }

    /// <summary>
    /// <see cref="PostalPlaceParser.FindAll"/> of <paramref name="line"/>, without the places of a shape
    /// other words share (<see cref="PostalPlace.NeedsConfirmation"/>) whose city the gazetteer does not know.
    /// </summary>
    public List<PostalPlace> Places(string line)
    {
        var places = _places.Places(line);
        if (!places.Exists(p => p.NeedsConfirmation))
        {
            return places;
        }

        if (!_confirmed.TryGetValue(line, out var confirmed))
        {
            confirmed = places.FindAll(p => !p.NeedsConfirmation || (_gazetteer is not null && _gazetteer.IsKnownCity(p.City)));
            _confirmed[line] = confirmed;
        }

        return confirmed;
    }

    /// <summary><see cref="DateExpressionParser.FindAll"/> of <paramref name="text"/> with the document's email date.</summary>
    public List<DateMatch> Dates(string text)
    {
        if (!_dates.TryGetValue(text, out var dates))
        {
            dates = DateExpressionParser.FindAll(text, EmailDate);
            _dates[text] = dates;
        }

        return dates;
    }

    /// <summary><see cref="DateExpressionParser.NamedWeekdayOnly"/> of <paramref name="text"/> with the document's email date.</summary>
    public DateMatch? WeekdayOnly(string text) => DateExpressionParser.NamedWeekdayOnly(text, EmailDate);

    /// <summary><see cref="DateExpressionParser.FindFirst"/> of <paramref name="text"/> with the document's email date.</summary>
    public DateMatch? FirstDate(string text)
    {
        var dates = Dates(text);
        return dates.Count == 0 ? null : dates[0];
    }

    /// <summary><see cref="LineLabel.Read"/> of <paramref name="line"/>.</summary>
    public LineLabel? Label(string line)
    {
        if (!_labels.TryGetValue(line, out var label))
        {
            label = LineLabel.Read(line);
            _labels[line] = label;
        }

        return label;
    }

    /// <summary>The time window of <paramref name="text"/> once its dates are blanked out (so "26.11. 08:00" is not read as a time "26.11").</summary>
    public TimeWindow WindowWithoutDates(string text)
    {
        if (!_blankedWindows.TryGetValue(text, out var window))
        {
            window = TimeWindowParser.Parse(BlankDates(text));
            _blankedWindows[text] = window;
        }

        return window;
    }

    private string BlankDates(string text)
    {
        var dates = Dates(text);
        if (dates.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var d in dates)
        {
            chars.AsSpan(d.Index, d.Length).Fill(' ');
        }

        return new string(chars);
    }
}
