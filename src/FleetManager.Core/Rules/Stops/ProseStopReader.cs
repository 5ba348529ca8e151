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
            foreach (var (isLoading, clause) in Clauses(sentence, emailDate))
            {
                var target = isLoading ? loading : unloading;
                var date = DateExpressionParser.FindFirst(clause, emailDate);
                if (target.Date is null && date is { } d)
                {
                    target.Date = d.Date;
                    target.Window = TimeWindowParser.Parse(DateBlanking.Without(clause, d));
                }
                else if (target.Window.IsEmpty && date is null)
                {
                    target.Window = TimeWindowParser.Parse(clause);
                }
            }
        }
    }

    /// <summary>
    /// The parts of <paramref name="sentence"/> that speak of one stop kind each. A sentence naming both kinds, each with a
    /// date of its own ("Załadunek w czwartek 27.05 od 8:00, rozładunek w piątek 28.05 do 12:00"), is one clause per stop
    /// word; otherwise the whole sentence belongs to its first stop word ("Die Entladung erfolgt am Tag nach der Beladung,
    /// am 5.12.": the date is the unloading's). A sentence without a stop word gives none.
    /// </summary>
    private static List<(bool IsLoading, string Clause)> Clauses(string sentence, DateOnly emailDate)
    {
        var stopWords = StopLabels.StopWordsIn(sentence);
        if (stopWords.Count == 0)
        {
            return [];
        }

        if (stopWords.Exists(w => w.IsLoading != stopWords[0].IsLoading))
        {
            var clauses = new List<(bool, string)>(stopWords.Count);
            for (var i = 0; i < stopWords.Count; i++)
            {
                var start = i == 0 ? 0 : stopWords[i].Index;
                var end = i + 1 < stopWords.Count ? stopWords[i + 1].Index : sentence.Length;
                clauses.Add((stopWords[i].IsLoading, sentence[start..end]));
            }

            if (clauses.Count(c => DateExpressionParser.FindFirst(c.Item2, emailDate) is not null) >= 2)
            {
                return clauses;
            }
        }

        return [(stopWords[0].IsLoading, sentence)];
    }

    internal static bool SamePlace(PostalPlace a, PostalPlace b) => a.PostalCode == b.PostalCode && a.City == b.City;

    [GeneratedRegex(@"(?<=[^\d\s][.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceSplit();
}
