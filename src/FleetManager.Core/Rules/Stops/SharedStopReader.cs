using FleetManager.Core.Model;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// A loading or unloading place stated once for every order of a message, in the text outside the
/// orders' blocks ("Both loadings at our depot: …, 550052 Sibiu", "Alle Entladungen: 1097 Budapest").
/// A place counts when the gazetteer confirms it and a stop word the vocabularies know stands before it
/// on its line or on the lines just above it in the same paragraph; a kind named for two different
/// places is not shared (it belongs to the orders).
/// </summary>
internal sealed class SharedStopReader(PlaceStructureStopReader places)
{
    /// <summary>Lines above a place searched for its stop word.</summary>
    private const int Reach = 2;

    public List<StopFragment> Read(List<TextLine> lines, StopReading reading)
    {
        StopFragment? loading = null, unloading = null;
        bool loadingTwice = false, unloadingTwice = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var from = 0;
            foreach (var place in reading.Places(line.Text))
            {
                var before = line.Text[from..place.Index];
                from = place.Index + place.Length;
                if (places.Confirmed(place) is not { } confirmed || StopWordBefore(lines, i, before) is not { } isLoading)
                {
                    continue;
                }

                var fragment = new StopFragment
                {
                    Type = isLoading ? StopType.Loading : StopType.Unloading,
                    Position = line.Start + place.Index,
                    Place = confirmed,
                    PlaceOffset = line.Start + place.Index,
                };

                if (isLoading)
                {
                    loadingTwice |= loading is not null && !ProseStopReader.SamePlace(loading.Place!, confirmed);
                    loading ??= fragment;
                }
                else
                {
                    unloadingTwice |= unloading is not null && !ProseStopReader.SamePlace(unloading.Place!, confirmed);
                    unloading ??= fragment;
                }
            }
        }

        var shared = new List<StopFragment>(2);
        if (loading is not null && !loadingTwice)
        {
            shared.Add(loading);
        }

        if (unloading is not null && !unloadingTwice)
        {
            shared.Add(unloading);
        }

        return shared;
    }

    /// <summary>A copy of a shared fragment for one order (the merger dates it with that order's own date line).</summary>
    public static StopFragment CopyOf(StopFragment shared) => new()
    {
        Type = shared.Type,
        Position = shared.Position,
        Place = shared.Place,
        PlaceOffset = shared.PlaceOffset,
        Company = shared.Company,
        Address = shared.Address,
        Country = shared.Country,
        BareCity = shared.BareCity,
        BareCityOffset = shared.BareCityOffset,
    };

    /// <summary>The kind of the stop word before the place on its line, else on the lines above it up to a blank line.</summary>
    private static bool? StopWordBefore(List<TextLine> lines, int line, string before)
    {
        if (PlaceStructureStopReader.FirstStopWord(before) is { } onLine)
        {
            return onLine;
        }

        for (var i = line - 1; i >= 0 && i >= line - Reach; i--)
        {
            if (string.IsNullOrWhiteSpace(lines[i].Text))
            {
                break;
            }

            if (PlaceStructureStopReader.FirstStopWord(lines[i].Text) is { } above)
            {
                return above;
            }
        }

        return null;
    }
}
