using FleetManager.Core.Rules.Segmentation;
using FleetManager.Core.Rules.Stops;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules;

/// <summary>
/// Splits an order message into one block per order: the rows of a load list (CSV/XLSX attachment,
/// weekly-plan table), the numbered entries of a freight-exchange digest that each carry their own
/// route, or several route lines each starting an offer. Anything else, multi-stop tours included
/// ("1. Beladung ... 3. Entladung"), is one order: one block over the whole text.
/// </summary>
public static partial class OrderSegmenter
{
    public static IReadOnlyList<OrderBlock> Split(RulesDocument document)
    {
        var text = document.Text;
        var whole = new OrderBlock(0, text.Length);
        // A table with an order per column; a column with no text is none ("Label: | value" rows give an empty one).
        var columns = document.TransposedColumns.Where(c => !text.AsSpan(c.Start, c.Length).IsWhiteSpace()).ToList();
        if (columns.Count >= 2)
        {
            return columns;
        }

        var table = LoadListTable.Find(text, document.BodyStart, text.Length, LoadListTable.CommaFrom(document));
        if (table is not null)
        {
            // A long list of one order's stops (a multi-stop tour as a table) is the whole message's order:
            // its reference and totals are outside the rows.
            var tableOrders = table.Orders(text);
            if (!table.IsLong || tableOrders.Count > 1)
            {
                return tableOrders.Select(r => new OrderBlock(r.Start, r.Length)).ToList();
            }

            return [whole];
        }

        var lines = TextLine.Split(text, document.BodyStart, text.Length);
        var places = DocumentPlaces.Of(document);

        // The route key of each line, worked out once when first asked for: the numbered entries and
        // the route lines below ask for the same lines, and finding the places is the costly part.
        var keys = new string?[lines.Count];
        var keyKnown = new bool[lines.Count];
        string? KeyOf(int line)
        {
            if (!keyKnown[line])
            {
                keys[line] = RouteKey(lines[line].Text, places);
                keyKnown[line] = true;
            }

            return keys[line];
        }

        foreach (var entries in NumberedEntries(lines))
        {
            var blocks = new List<OrderBlock>();
            var allHaveRoutes = true;
            var allHaveStops = true;
            for (var i = 0; i < entries.Count; i++)
            {
                var start = lines[entries[i]].Start;
                var end = i + 1 < entries.Count ? lines[entries[i + 1]].Start : EntryEnd(lines, entries[i], text.Length);
                var block = new OrderBlock(start, end - start);
                blocks.Add(block);
                allHaveRoutes = allHaveRoutes && (StartsLine(text, start) && (end == text.Length || StartsLine(text, end))
                    ? KnownLinesHaveRoute(entries[i], end)
                    : HasRoute(text, block, places));
                allHaveStops = allHaveStops && HasStopEvidence(text, block, places);
            }

            if (allHaveRoutes || allHaveStops)
            {
                return blocks;
            }
        }

        // Orders written as repeated label sets ("REF-1 / Loading: … / Unloading: …", again for REF-2),
        // looked for in the body only: an attachment that repeats the body's order is not a second one.
        var bodyEnd = document.AttachmentStarts.Count > 0 ? document.AttachmentStarts[0] : text.Length;
        var bodyLines = bodyEnd == text.Length ? lines : TextLine.Split(text, document.BodyStart, bodyEnd);
        var (groupStarts, groupsEnd) = RepeatedLabelGroups.Find(bodyLines);
        if (groupStarts.Count >= 2)
        {
            var blocks = new List<OrderBlock>(groupStarts.Count);
            var end = groupsEnd < bodyLines.Count ? bodyLines[groupsEnd].Start : bodyEnd;
            for (var i = 0; i < groupStarts.Count; i++)
            {
                var start = bodyLines[groupStarts[i]].Start;
                var blockEnd = i + 1 < groupStarts.Count ? bodyLines[groupStarts[i + 1]].Start : end;
                blocks.Add(new OrderBlock(start, blockEnd - start));
            }

            return blocks;
        }

        var routeLines = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (KeyOf(i) is { } key && seen.Add(key))
            {
                routeLines.Add(i);
            }
        }

        if (routeLines.Count >= 2)
        {
            var starts = new int[routeLines.Count];
            for (var i = 0; i < routeLines.Count; i++)
            {
                starts[i] = lines[EntryHeadStart(lines, routeLines[i], i > 0 ? routeLines[i - 1] : -1)].Start;
            }

            var blocks = new List<OrderBlock>();
            for (var i = 0; i < routeLines.Count; i++)
            {
                var end = i + 1 < routeLines.Count ? starts[i + 1] : EntryEnd(lines, routeLines[i], text.Length);
                blocks.Add(new OrderBlock(starts[i], end - starts[i]));
            }

            return blocks;
        }

        return [whole];

        // A block from a line start to a line start (or the end) reads exactly the lines of the whole
        // text that start in it, plus an empty last line that has no route, so their keys can be reused.
        bool KnownLinesHaveRoute(int firstLine, int end)
        {
            for (var i = firstLine; i < lines.Count && lines[i].Start < end; i++)
            {
                if (KeyOf(i) is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>True when <paramref name="position"/> is the start of a line (a cell of a split row may start mid-line).</summary>
    private static bool StartsLine(string text, int position) => position > 0 && text[position - 1] == '\n';

    /// <summary>
    /// The candidate sets of entry lines, in the order their first entry appears: for each header
    /// marker (a bare number, "#", or a word such as "Load"), the lines numbered 1, 2, 3 ... in
    /// sequence with it. Only sets of two or more entries are returned.
    /// </summary>
    private static List<List<int>> NumberedEntries(List<TextLine> lines)
    {
        var byMarker = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (EntryHeader.Read(lines[i].Text) is not { } header)
            {
                continue;
            }

            // "Beladung 1 / Entladung 1 / Beladung 2": numbered stops of a multi-stop tour, not orders.
            if (header.Marker.Length > 1 && StopLabels.Classify(header.Marker, out _) != StopLabelKind.Other)
            {
                continue;
            }

            if (!byMarker.TryGetValue(header.Marker, out var entries))
            {
                if (header.Number != 1)
                {
                    continue;
                }

                entries = [];
                byMarker[header.Marker] = entries;
                order.Add(header.Marker);
            }

            if (header.Number != entries.Count + 1)
            {
                continue;
            }

            // A numbered stop of a multi-stop tour ("1. Beladung – ...") is not an order of its own:
            // the whole set is a tour.
            var rest = lines[i].Text[header.Length..];
            if (LineLabel.Read(rest) is { Kind: StopLabelKind.Loading or StopLabelKind.Unloading or StopLabelKind.LoadingDate or StopLabelKind.UnloadingDate })
            {
                byMarker[header.Marker] = entries = [];
                entries.Add(-1);
                continue;
            }

            entries.Add(i);
        }

        var result = new List<List<int>>();
        foreach (var marker in order)
        {
            var entries = byMarker[marker];
            if (entries.Count >= 2 && !entries.Contains(-1))
            {
                result.Add(entries);
            }
        }

        return result;
    }

    /// <summary>Most lines an entry's head may have above its route line ("ID nabídky: NB-55120", "Load 3 of 5").</summary>
    private const int MaxEntryHeadLines = 2;

    /// <summary>
    /// The first line of the entry whose route is line <paramref name="routeLine"/>: the lines right above it that open its
    /// paragraph ("ID nabídky: NB-55120" over "CZ 61900 Brno -> DE 80331 München"), when a blank line sets them apart from
    /// the entry before, each holds a digit and none ends with a colon (an introduction, "these loads:"); else the route
    /// line itself.
    /// </summary>
    private static int EntryHeadStart(List<TextLine> lines, int routeLine, int previousRouteLine)
    {
        var k = routeLine;
        while (k - 1 > previousRouteLine && routeLine - (k - 1) <= MaxEntryHeadLines && !string.IsNullOrWhiteSpace(lines[k - 1].Text))
        {
            var above = lines[k - 1].Text.TrimEnd();
            if (!TextScan.HasDigit(above) || above.EndsWith(':'))
            {
                return routeLine;
            }

            k--;
        }

        return k < routeLine && k - 1 > previousRouteLine && string.IsNullOrWhiteSpace(lines[k - 1].Text) ? k : routeLine;
    }

    /// <summary>The last entry ends at the first blank line after it that is followed by unindented text (the digest's footer).</summary>
    private static int EntryEnd(List<TextLine> lines, int from, int fallback)
    {
        for (var i = from + 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i].Text))
            {
                return lines[i].Start;
            }

            if (SignatureMarkers.IsClosing(lines[i].Text))
            {
                return lines[i].Start;
            }
        }

        return fallback;
    }

    private static bool HasRoute(string text, OrderBlock block, DocumentPlaces places)
    {
        foreach (var line in TextLine.Split(text, block.Start, block.End))
        {
            if (RouteKey(line.Text, places) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="block"/> names a stop pair on its own: a loading and an unloading
    /// label, or two places (postal code + place). An entry without either is a note, not an order.
    /// </summary>
    private static bool HasStopEvidence(string text, OrderBlock block, DocumentPlaces places)
    {
        bool loading = false, unloading = false;
        var placeCount = 0;
        foreach (var line in TextLine.Split(text, block.Start, block.End))
        {
            if (line.Text.Length > 300)
            {
                continue;
            }

            placeCount += places.Places(line.Text).Count;
            var body = EntryHeader.Read(line.Text) is { } header ? line.Text[header.Length..] : line.Text;
            var kind = LineLabel.Read(body)?.Kind;
            loading |= kind is StopLabelKind.Loading or StopLabelKind.LoadingDate;
            unloading |= kind is StopLabelKind.Unloading or StopLabelKind.UnloadingDate;
            if ((loading && unloading) || placeCount >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key naming the two ends when the line is a route one-liner ("DE-85386 Eching -> PL-02-672 Warszawa"), else null.</summary>
    private static string? RouteKey(string line, DocumentPlaces memo)
    {
        if (line.Length > 300)
        {
            return null;
        }

        // The stop extractor asks for the places of the same lines next: remembered for it.
        var places = memo.Places(line);
        if (places.Count < 2)
        {
            return null;
        }

        var between = line[(places[0].Index + places[0].Length)..places[1].Index];
        return RouteSeparator.Joins(between) ? places[0].PostalCode + "|" + places[0].City + ">" + places[1].PostalCode + "|" + places[1].City : null;
    }
}
