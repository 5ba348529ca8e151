using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Stops from labelled sections ("Beladestelle:", "COLLECTION", "Załadunek:", "Pick-up | ...") and
/// their date lines, and from route one-liners ("DE-85386 Eching -> PL-02-672 Warszawa") that give
/// both ends at once. Sign-offs and everything after them up to a forwarded message or an
/// attachment are not read, so the sender's own address is not taken for a stop.
/// </summary>
internal static partial class LabelledSectionStopReader
{
    /// <summary>Walks the lines as sections opened by stop labels; route one-liners give both ends at once.</summary>
    public static List<StopFragment> Read(List<TextLine> lines, StopReading reading, IReadOnlyList<int> partStarts)
    {
        var fragments = new List<StopFragment>();
        StopSection? current = null;
        StopSection? lastClosed = null;
        var inSignature = false;
        var blankRun = 0;

        void Close()
        {
            if (current is not null)
            {
                fragments.Add(current.ToFragment());
                lastClosed = current;
                current = null;
            }
        }

        foreach (var line in lines)
        {
            var text = line.Text;
            if (SignatureMarkers.IsForwardStart(text) || partStarts.Contains(line.Start))
            {
                Close();
                inSignature = false;
                continue;
            }

            if (inSignature)
            {
                continue;
            }

            if (SignatureMarkers.IsClosing(text))
            {
                Close();
                inSignature = true;
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                blankRun++;
                if (current is not null && (current.HasPlace || blankRun >= 2))
                {
                    Close();
                }

                continue;
            }

            blankRun = 0;
            var route = ReadRoute(line, reading);
            if (route is not null)
            {
                Close();
                fragments.AddRange(route);
                continue;
            }

            var label = reading.Label(text);
            if (label is null)
            {
                current?.Add(line, 0, isDateLine: false);
                continue;
            }

            var kind = label.Value.Kind;
            var valueStart = label.Value.ValueStart;
            switch (kind)
            {
                case StopLabelKind.Loading or StopLabelKind.Unloading:
                    var type = kind == StopLabelKind.Loading ? StopType.Loading : StopType.Unloading;
                    if (current is not null && current.Type == type && !current.HasPlace && current.Date is null)
                    {
                        current.Add(line, valueStart, isDateLine: false);
                    }
                    else
                    {
                        Close();
                        current = new StopSection(type, line.Start, reading);
                        current.Add(line, valueStart, isDateLine: false);
                    }

                    break;
                case StopLabelKind.LoadingDate or StopLabelKind.UnloadingDate:
                    var dateType = kind == StopLabelKind.LoadingDate ? StopType.Loading : StopType.Unloading;
                    if (current is not null && current.Type == dateType)
                    {
                        current.Add(line, valueStart, isDateLine: true);
                    }
                    else if (current is null && lastClosed is not null && lastClosed.Type == dateType && lastClosed.Date is null && fragments.Count > 0 && ReferenceEquals(fragments[^1].Origin, lastClosed))
                    {
                        // "Laden: ...address" then, after a blank line, "Laaddatum: ..."
                        lastClosed.Add(line, valueStart, isDateLine: true);
                        fragments[^1] = lastClosed.ToFragment();
                    }
                    else
                    {
                        Close();
                        var dateSection = new StopSection(dateType, line.Start, reading);
                        dateSection.Add(line, valueStart, isDateLine: true);
                        fragments.Add(dateSection.ToFragment());
                    }

                    break;
                case StopLabelKind.Date:
                    if (current is not null)
                    {
                        current.Add(line, valueStart, isDateLine: true);
                    }
                    else if (lastClosed is not null && lastClosed.Date is null && fragments.Count > 0 && ReferenceEquals(fragments[^1].Origin, lastClosed))
                    {
                        lastClosed.Add(line, valueStart, isDateLine: true);
                        fragments[^1] = lastClosed.ToFragment();
                    }

                    break;
                case StopLabelKind.Reference:
                    break;
                case StopLabelKind.Place:
                    current?.Add(line, valueStart, isDateLine: false);
                    break;
                case StopLabelKind.Other when current is not null && !current.HasPlace
                    && !BillingLabel.Is(text.AsSpan(0, valueStart)) && reading.Places(text[valueStart..]).Count > 0:
                    // A section's address under a label no vocabulary knows ("Carga" then "Enderezo: Rúa do Porto 12,
                    // 36940 Cangas"): a place before the section has one is the section's.
                    current.Add(line, valueStart, isDateLine: false);
                    break;
                default:
                    Close();
                    lastClosed = null;
                    break;
            }
        }

        Close();
        return fragments;
    }

    /// <summary>"DE-85386 Eching -> PL-02-672 Warszawa | 26.11.2026 08:00-14:00 -> 27.11.2026": two places joined by an arrow or dash.</summary>
    private static List<StopFragment>? ReadRoute(TextLine line, StopReading reading)
    {
        var text = line.Text;
        if (text.Length > 300)
        {
            return null;
        }

        var places = reading.Places(text);
        if (places.Count < 2)
        {
            return null;
        }

        var between = text[(places[0].Index + places[0].Length)..places[1].Index];
        if (!RouteSeparator.Joins(between))
        {
            return null;
        }

        var loading = new StopFragment { Type = StopType.Loading, Position = line.Start + places[0].Index, Place = places[0], PlaceOffset = line.Start + places[0].Index, Address = text.Substring(places[0].Index, places[0].Length) };
        var unloading = new StopFragment { Type = StopType.Unloading, Position = line.Start + places[1].Index, Place = places[1], PlaceOffset = line.Start + places[1].Index, Address = text.Substring(places[1].Index, places[1].Length) };
        var restStart = places[1].Index + places[1].Length;
        var rest = text[restStart..];
        var dates = reading.Dates(rest);
        if (dates.Count > 0)
        {
            SetDate(loading, dates[0], line.Start + restStart);
            var cellEnd = rest.IndexOf(" | ", dates[0].Index, StringComparison.Ordinal);
            var loadingText = rest[dates[0].Index..(dates.Count > 1 ? dates[1].Index : cellEnd > 0 ? cellEnd : rest.Length)];
            loading.Window = TimeWindowParser.Parse(loadingText[dates[0].Length..]);
            // "Załadunek w czwartek 27.05 od 8:00, rozładunek w piątek 28.05": an unloading word between the dates gives
            // the second to the unloading, as a joining word does.
            var betweenDates = dates.Count > 1 ? rest[(dates[0].Index + dates[0].Length)..dates[1].Index] : "";
            if (dates.Count > 1 && (RouteJoin().IsMatch(betweenDates.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "") || StopLabels.StopWordsIn(betweenDates).Exists(w => !w.IsLoading)))
            {
                SetDate(unloading, dates[1], line.Start + restStart);
                var end = rest.IndexOf(" | ", dates[1].Index, StringComparison.Ordinal);
                unloading.Window = TimeWindowParser.Parse(rest[(dates[1].Index + dates[1].Length)..(end > 0 ? end : rest.Length)]);
            }
        }

        return [loading, unloading];
    }

    private static void SetDate(StopFragment f, DateMatch d, int offset)
    {
        f.Date = d.Date;
        f.DateOffset = offset + d.Index;
        f.DateLength = d.Length;
    }

    [GeneratedRegex(@"^\s*(?:->|→|=>|⇒|>|–|—|-|to|nach|do|a|à|naar|till)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RouteJoin();
}
