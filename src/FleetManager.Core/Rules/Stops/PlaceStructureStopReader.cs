using System.Text.RegularExpressions;
using FleetManager.Core.Geo;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The language-independent backbone: stops from the structure of places alone, for a message whose
/// stop labels are in no vocabulary. Every postal code + place pair (<see cref="PostalPlaceParser"/>:
/// every national code shape, city before or after the code) that the offline gazetteer confirms is
/// a candidate; a candidate next to contact details (an e-mail address, an international phone
/// number) at either end of the text is a letterhead or a signature and is left out. The first
/// candidate is the loading stop and the last other place the unloading stop, unless the words near
/// them say otherwise (any stop word the vocabularies know). Each stop takes the date nearest to it:
/// on its own line the last one before the place, else in the lines just above (a label line), else
/// just below.
/// </summary>
internal sealed partial class PlaceStructureStopReader(OfflineGazetteer gazetteer)
{
    /// <summary>Lines above or below a place searched for its date or its stop word (a label line, a date line under an address).</summary>
    private const int Reach = 2;

    public List<StopFragment> Read(List<TextLine> lines, StopReading reading, IReadOnlyList<int> partStarts)
    {
        var inText = TextLines(lines, partStarts);
        var readable = Readable(lines, reading, inText, unknownLabels: false);
        var candidates = Candidates(lines, reading, readable);
        if (candidates.Count < 2)
        {
            readable = Readable(lines, reading, inText, unknownLabels: true);
            candidates = Candidates(lines, reading, readable);
        }

        // A letterhead or a signature: places next to contact details at the ends of the text.
        while (candidates.Count > 2 && NearContact(lines, candidates[^1].Line))
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        while (candidates.Count > 2 && NearContact(lines, candidates[0].Line))
        {
            candidates.RemoveAt(0);
        }

        if (candidates.Count < 2)
        {
            return [];
        }

        var hints = candidates.Select(c => StopWordNear(lines, readable, c, candidates)).ToList();
        var loadingIndex = hints.IndexOf(true);
        if (loadingIndex < 0)
        {
            loadingIndex = 0;
        }

        var unloadingIndex = hints.LastIndexOf(false);
        if (unloadingIndex >= 0 && unloadingIndex < loadingIndex)
        {
            // Words that contradict the order of the text (a delivery named before the loading) are
            // more likely a stray match than a route written backwards: the text's order stands.
            loadingIndex = 0;
            unloadingIndex = -1;
        }

        if (unloadingIndex < 0 || unloadingIndex == loadingIndex)
        {
            unloadingIndex = -1;
            for (var i = candidates.Count - 1; i >= 0; i--)
            {
                if (i != loadingIndex && hints[i] != true && !ProseStopReader.SamePlace(candidates[i].Place, candidates[loadingIndex].Place))
                {
                    unloadingIndex = i;
                    break;
                }
            }
        }

        if (unloadingIndex < 0)
        {
            return [];
        }

        var loading = Fragment(StopType.Loading, candidates[loadingIndex]);
        var unloading = Fragment(StopType.Unloading, candidates[unloadingIndex]);
        var used = new HashSet<int>();
        var places = candidates.Select(c => c.Line).ToHashSet();
        AttachDate(loading, candidates[loadingIndex], lines, inText, places, reading, used);
        AttachDate(unloading, candidates[unloadingIndex], lines, inText, places, reading, used);
        if (loading.Date is null || unloading.Date is null)
        {
            // A date far from its place ("... delivery in Kraków by Friday 4 December"): from the
            // sentences that name the stop's kind, as in prose.
            var readableText = lines.Where((_, i) => inText[i]).Select(l => l.Text);
            ProseStopReader.DateFromStopSentences(readableText, loading, unloading, reading.EmailDate);
        }

        return [loading, unloading];
    }

    /// <summary>
    /// Whether <paramref name="lines"/> name a route by their place structure alone: two different places the gazetteer
    /// confirms, in the message's own text and away from contact details (a letterhead, a signature, a footer: here
    /// every such place is left out, not only those at the ends). This is the classifier's stop evidence for mail in a
    /// language no vocabulary file has, where no stop label is recognised; it reads no dates.
    /// </summary>
    public bool HasRoute(List<TextLine> lines, StopReading reading, IReadOnlyList<int> partStarts)
    {
        var inText = TextLines(lines, partStarts);
        for (var i = 0; i < inText.Length; i++)
        {
            inText[i] &= TextScan.HasDigit(lines[i].Text);
        }

        var readable = Readable(lines, reading, inText, unknownLabels: true);
        PostalPlace? first = null;
        foreach (var candidate in Candidates(lines, reading, readable))
        {
            if (NearContact(lines, candidate.Line))
            {
                continue;
            }

            if (first is null)
            {
                first = candidate.Place;
            }
            else if (!ProseStopReader.SamePlace(candidate.Place, first))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The lines whose places may be stops: the message's own text (<paramref name="inText"/>) but no line labelled as
    /// something else. A label no vocabulary knows counts as something else ("Rechnungsadresse: …") unless
    /// <paramref name="unknownLabels"/>: mail in a language without a vocabulary file labels its stops that way too
    /// ("Vendi i ngarkimit: …, 2001 Durrës", "Oplueden: …"), so <see cref="Read"/> takes them when the unlabelled lines
    /// give no route. A label with a billing word of any language (<see cref="BillingLabel"/>) never counts.
    /// </summary>
    private static bool[] Readable(List<TextLine> lines, StopReading reading, bool[] inText, bool unknownLabels)
    {
        var readable = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!inText[i])
            {
                continue;
            }

            var text = lines[i].Text;
            readable[i] = reading.Label(text) is not { Kind: StopLabelKind.Other } label
                || (unknownLabels && !BillingLabel.Is(text.AsSpan(0, label.ValueStart)));
        }

        return readable;
    }

    /// <summary>Every place of the <paramref name="readable"/> lines that the gazetteer confirms, in text order.</summary>
    private List<PlaceOnLine> Candidates(List<TextLine> lines, StopReading reading, bool[] readable)
    {
        var candidates = new List<PlaceOnLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!readable[i])
            {
                continue;
            }

            foreach (var place in reading.Places(lines[i].Text))
            {
                if (Confirmed(place) is { } confirmed)
                {
                    candidates.Add(new PlaceOnLine(confirmed, lines[i].Start + place.Index, i));
                }
            }
        }

        return candidates;
    }

    private static StopFragment Fragment(StopType type, PlaceOnLine candidate) => new()
    {
        Type = type,
        Position = candidate.Offset,
        Place = candidate.Place,
        PlaceOffset = candidate.Offset,
        Address = null,
    };

    /// <summary>
    /// The place when the gazetteer knows its city: as written, the district or the province of a
    /// "Tuzla/İstanbul" pair, or the name before an apostrophe that joins a case ending to it
    /// (Turkish "Milas'tan" is Milas), or the nominative of a town written in a grammatical case (Czech "Ostravy" is
    /// Ostrava). Null for a code followed by a word that is no place ("1263 Barmil").
    /// </summary>
    internal PostalPlace? Confirmed(PostalPlace place)
    {
        var city = place.City;
        if (gazetteer.IsKnownCity(city) || gazetteer.TryFind(city, place.Country, out _))
        {
            return place;
        }

        var slash = city.IndexOf('/');
        if (slash > 0 && (gazetteer.IsKnownCity(city[..slash].Trim()) || gazetteer.IsKnownCity(city[(slash + 1)..].Trim())))
        {
            return place;
        }

        var apostrophe = city.IndexOfAny(['\'', '’']);
        if (apostrophe > 1 && gazetteer.IsKnownCity(city[..apostrophe]))
        {
            return place with { City = city[..apostrophe] };
        }

        // A town in a grammatical case ("z Ostravy (702 00)") is its nominative.
        return InflectedTownName.Nominative(city, gazetteer.IsKnownCity) is { } nominative ? place with { City = nominative } : null;
    }

    /// <summary>
    /// The lines of the message's own text: not a sign-off and what follows it (up to a forward or an
    /// attachment). Places are read only from those that are not an "other" label line (a billing
    /// address); dates from all of them ("Lastedato: 12.01." is a label of no stop vocabulary).
    /// </summary>
    private static bool[] TextLines(List<TextLine> lines, IReadOnlyList<int> partStarts)
    {
        var inText = new bool[lines.Count];
        var inSignature = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (SignatureMarkers.IsForwardStart(text) || partStarts.Contains(lines[i].Start))
            {
                inSignature = false;
                continue;
            }

            if (inSignature || SignatureMarkers.IsClosing(text))
            {
                inSignature = true;
                continue;
            }

            inText[i] = true;
        }

        return inText;
    }

    /// <summary>True when a line within <see cref="Reach"/> lines (no blank line between) holds an e-mail address or an international phone number.</summary>
    private static bool NearContact(List<TextLine> lines, int line)
    {
        for (var step = -1; step <= 1; step += 2)
        {
            for (var d = step == -1 ? 0 : 1; d <= Reach; d++)
            {
                var i = line + (step * d);
                if (i < 0 || i >= lines.Count || string.IsNullOrWhiteSpace(lines[i].Text))
                {
                    break;
                }

                if (ContactDetail().IsMatch(lines[i].Text))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True (loading) or false (unloading) when a stop word the vocabularies know stands before the
    /// place on its line or on the lines just above it (up to a blank line or another place's line).
    /// </summary>
    private static bool? StopWordNear(List<TextLine> lines, bool[] readable, PlaceOnLine candidate, List<PlaceOnLine> candidates)
    {
        // On its own line, only the text since the previous place: in a paragraph naming both stops,
        // "Loading ... in A. Delivery ... in B", the word before B is "Delivery", not "Loading".
        var lineStart = lines[candidate.Line].Start;
        var from = candidates.Where(c => c.Line == candidate.Line && c.Offset < candidate.Offset).Select(c => c.Offset - lineStart + c.Place.Length).DefaultIfEmpty(0).Max();
        var own = lines[candidate.Line].Text[from..(candidate.Offset - lineStart)];
        if (FirstStopWord(own) is { } onLine)
        {
            return onLine;
        }

        for (var i = candidate.Line - 1; i >= 0 && i >= candidate.Line - Reach; i--)
        {
            if (!readable[i] || string.IsNullOrWhiteSpace(lines[i].Text) || candidates.Any(c => c.Line == i))
            {
                break;
            }

            if (FirstStopWord(lines[i].Text) is { } above)
            {
                return above;
            }
        }

        return null;
    }

    /// <summary>The kind of the first stop word in <paramref name="text"/> (a label comes before what it labels).</summary>
    internal static bool? FirstStopWord(string text) => StopLabels.StopWordsIn(text) is [var first, ..] ? first.IsLoading : null;

    /// <summary>The nearest date not taken by the other stop: on the place's line, then above, then below.</summary>
    private static void AttachDate(StopFragment f, PlaceOnLine candidate, List<TextLine> lines, bool[] readable, HashSet<int> placeLines, StopReading reading, HashSet<int> used)
    {
        var line = lines[candidate.Line];
        var placeAt = candidate.Offset - line.Start;
        var dates = reading.Dates(line.Text);
        DateMatch? best = null;
        foreach (var d in dates)
        {
            if (d.Index < placeAt && !used.Contains(line.Start + d.Index))
            {
                best = d;
            }
        }

        if (best is null)
        {
            foreach (var d in dates)
            {
                if (d.Index > placeAt && !used.Contains(line.Start + d.Index))
                {
                    best = d;
                    break;
                }
            }
        }

        if (best is { } onLine)
        {
            SetDate(f, line, onLine, dates, used);
            return;
        }

        foreach (var step in new[] { -1, 1 })
        {
            for (var k = 1; k <= Reach; k++)
            {
                var i = candidate.Line + (step * k);
                if (i < 0 || i >= lines.Count || !readable[i] || string.IsNullOrWhiteSpace(lines[i].Text) || placeLines.Contains(i))
                {
                    break;
                }

                var near = reading.Dates(lines[i].Text).Where(d => !used.Contains(lines[i].Start + d.Index)).ToList();
                if (near.Count > 0)
                {
                    SetDate(f, lines[i], step < 0 ? near[^1] : near[0], reading.Dates(lines[i].Text), used);
                    return;
                }
            }
        }
    }

    /// <summary>Dates the stop and reads its time window from the text after the date up to the next date.</summary>
    private static void SetDate(StopFragment f, TextLine line, DateMatch date, List<DateMatch> lineDates, HashSet<int> used)
    {
        f.Date = date.Date;
        f.DateOffset = line.Start + date.Index;
        f.DateLength = date.Length;
        used.Add(line.Start + date.Index);
        var end = lineDates.Where(d => d.Index > date.Index).Select(d => d.Index).DefaultIfEmpty(line.Text.Length).First();
        f.Window = TimeWindowParser.Parse(line.Text[(date.Index + date.Length)..end]);
    }

    /// <summary>A place found on a line: the place, its absolute offset and the line's index.</summary>
    private readonly record struct PlaceOnLine(PostalPlace Place, int Offset, int Line);

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+|(?:\+|\b00)\d{2,3}[\s/().-]*\d[\d\s/().-]{5,}")]
    private static partial Regex ContactDetail();
}
