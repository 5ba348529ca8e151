using System.Text.RegularExpressions;
using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules;

/// <summary>
/// Splits an order message into one block per order: the rows of a load list (CSV/XLSX attachment,
/// weekly-plan table), the numbered entries of a freight-exchange digest that each carry their own
/// route, or several route lines each starting an offer. Anything else, multi-stop tours included
/// ("1. Beladung ... 3. Entladung"), is one order: one block over the whole text.
/// </summary>
public sealed partial class OrderSegmenter
{
    public IReadOnlyList<OrderBlock> Split(RulesDocument document)
    {
        var text = document.Text;
        var whole = new OrderBlock(0, text.Length);

        var table = LoadListTable.Find(text, document.BodyStart, text.Length);
        if (table is not null)
        {
            return table.Rows.Select(r => new OrderBlock(r.Start, r.Length)).ToList();
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

        var entries = NumberedEntries(lines);
        if (entries.Count >= 2)
        {
            var blocks = new List<OrderBlock>();
            var allHaveRoutes = true;
            for (var i = 0; i < entries.Count; i++)
            {
                var start = lines[entries[i]].Start;
                var end = i + 1 < entries.Count ? lines[entries[i + 1]].Start : EntryEnd(lines, entries[i], text.Length);
                var block = new OrderBlock(start, end - start);
                blocks.Add(block);
                allHaveRoutes = allHaveRoutes && (StartsLine(text, start) && (end == text.Length || StartsLine(text, end))
                    ? KnownLinesHaveRoute(entries[i], end)
                    : HasRoute(text, block, places));
            }

            if (allHaveRoutes)
            {
                return blocks;
            }
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
            var blocks = new List<OrderBlock>();
            for (var i = 0; i < routeLines.Count; i++)
            {
                var start = lines[routeLines[i]].Start;
                var end = i + 1 < routeLines.Count ? lines[routeLines[i + 1]].Start : EntryEnd(lines, routeLines[i], text.Length);
                blocks.Add(new OrderBlock(start, end - start));
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

    /// <summary>Lines that open a numbered entry ("1)", "2.", "3 |") at the outer level, numbered 1, 2, 3 ... in sequence.</summary>
    private static List<int> NumberedEntries(List<TextLine> lines)
    {
        var result = new List<int>();
        var expected = 1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!MayStartEntry(lines[i].Text))
            {
                continue;
            }

            var m = EntryNumber().Match(lines[i].Text);
            if (!m.Success || int.Parse(m.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) != expected)
            {
                continue;
            }

            // A numbered stop of a multi-stop tour ("1. Beladung – ...") is not an order of its own.
            var rest = lines[i].Text[m.Length..];
            if (LineLabel.Read(rest) is { Kind: StopLabelKind.Loading or StopLabelKind.Unloading or StopLabelKind.LoadingDate or StopLabelKind.UnloadingDate })
            {
                return [];
            }

            result.Add(i);
            expected++;
        }

        return result;
    }

    /// <summary>
    /// False when <paramref name="line"/> cannot match <see cref="EntryNumber"/>, which needs a digit
    /// after at most four white-space characters: most lines start with a letter and need no regex run.
    /// </summary>
    private static bool MayStartEntry(string line)
    {
        var i = 0;
        while (i < line.Length && i < 4 && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i < line.Length && char.IsDigit(line[i]);
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
        return RouteJoin().IsMatch(between) ? places[0].PostalCode + "|" + places[0].City + ">" + places[1].PostalCode + "|" + places[1].City : null;
    }

    [GeneratedRegex(@"^\s{0,4}(?<n>\d{1,2})\s*(?:[.)]\s+(?=\S)|\|\s)")]
    private static partial Regex EntryNumber();

    [GeneratedRegex(@"^\s*(?:->|→|=>|⇒|>|–|—|-|to|nach|do|a|à|naar|till)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RouteJoin();
}
