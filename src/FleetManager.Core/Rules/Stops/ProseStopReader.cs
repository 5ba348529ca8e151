using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The fallback of a message without labelled stops: the first and the last place named in the
/// text, dated from the sentences whose words speak of loading or delivery.
/// </summary>
internal static partial class ProseStopReader
{
    /// <summary>No labelled stop: the first and last places named in the prose, dated from the sentences that speak of loading or delivery.</summary>
    public static List<StopFragment> Read(List<TextLine> lines, StopReading reading, IReadOnlyList<int> partStarts)
    {
        var emailDate = reading.EmailDate;
        var result = new List<StopFragment>();
        var places = new List<(PostalPlace Place, int Offset, string Line)>();
        var inSignature = false;
        var sentences = new List<(string Text, int Offset)>();
        foreach (var line in lines)
        {
            if (SignatureMarkers.IsForwardStart(line.Text) || partStarts.Contains(line.Start))
            {
                inSignature = false;
                continue;
            }

            if (inSignature || SignatureMarkers.IsClosing(line.Text))
            {
                inSignature = true;
                continue;
            }

            if (reading.Label(line.Text) is { Kind: StopLabelKind.Other })
            {
                continue;
            }

            foreach (var p in reading.Places(line.Text))
            {
                places.Add((p, line.Start + p.Index, line.Text));
            }

            sentences.Add((line.Text, line.Start));
        }

        if (places.Count < 2)
        {
            return result;
        }

        var first = places[0];
        var last = places.LastOrDefault(p => !SamePlace(p.Place, first.Place));
        if (last.Place is null)
        {
            return result;
        }

        var loading = new StopFragment { Type = StopType.Loading, Position = first.Offset, Place = first.Place, PlaceOffset = first.Offset };
        var unloading = new StopFragment { Type = StopType.Unloading, Position = last.Offset, Place = last.Place, PlaceOffset = last.Offset };
        DateFromStopSentences(sentences.Select(s => s.Text), loading, unloading, emailDate);
        result.Add(loading);
        result.Add(unloading);
        return result;
    }

    /// <summary>
    /// Dates <paramref name="loading"/> and <paramref name="unloading"/>, where they have no date yet,
    /// from the sentences that name a stop kind ("die Zustellung ... muss spätestens am Freitag,
    /// 4. Dezember erfolgen"); a stop without a window takes the time of such a sentence.
    /// </summary>
    internal static void DateFromStopSentences(IEnumerable<string> lines, StopFragment loading, StopFragment unloading, DateOnly emailDate)
    {
        var joined = string.Join(" ", lines);
        foreach (var sentence in SentenceSplit().Split(joined))
        {
            bool? type = null;
            foreach (var word in TextFold.Fold(sentence).Split([' ', ',', '.', '(', ')', ':', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                type ??= StopLabels.StopTypeOfWord(word);
            }

            if (type is null)
            {
                continue;
            }

            var target = type.Value ? loading : unloading;
            var date = DateExpressionParser.FindFirst(sentence, emailDate);
            if (target.Date is null && date is { } d)
            {
                target.Date = d.Date;
                target.Window = TimeWindowParser.Parse(DateBlanking.Without(sentence, d));
            }
            else if (target.Window.IsEmpty && date is null)
            {
                target.Window = TimeWindowParser.Parse(sentence);
            }
        }
    }

    internal static bool SamePlace(PostalPlace a, PostalPlace b) => a.PostalCode == b.PostalCode && a.City == b.City;

    [GeneratedRegex(@"(?<=[^\d\s][.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceSplit();
}
