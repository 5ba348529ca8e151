namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Joins what the stop readers found into stops: date-only fragments ("Ladetermin: ...") join the
/// place fragment of their type they belong to, and the same stop read twice (an HTML part and its
/// PDF, a subject and the body) counts once.
/// </summary>
internal static class StopFragmentMerger
{
    /// <summary>Place fragments become stops; date-only fragments join the nearest place fragment of their type.</summary>
    public static List<StopFragment> Merge(List<StopFragment> fragments)
    {
        var stops = fragments.Where(f => f.HasPlace).ToList();
        foreach (var f in fragments.Where(f => !f.HasPlace && (f.Date is not null || !f.Window.IsEmpty)))
        {
            var target = stops.LastOrDefault(s => s.Type == f.Type && s.Position < f.Position && s.Date is null && s.Window.IsEmpty)
                ?? stops.FirstOrDefault(s => s.Type == f.Type && s.Position > f.Position && s.Date is null && s.Window.IsEmpty)
                ?? stops.LastOrDefault(s => s.Type == f.Type && s.Position < f.Position && s.Date is null);
            if (target is null)
            {
                continue;
            }

            target.Date ??= f.Date;
            target.DateOffset = f.DateOffset;
            target.DateLength = f.DateLength;
            if (target.Window.IsEmpty)
            {
                target.Window = f.Window;
            }
        }

        // The same stop read twice (an HTML part and its PDF, a subject and the body) counts once.
        var distinct = new List<StopFragment>();
        foreach (var s in stops)
        {
            var twin = distinct.FirstOrDefault(d => d.Type == s.Type && d.Place is not null && s.Place is not null && ProseStopReader.SamePlace(d.Place, s.Place));
            if (twin is null)
            {
                distinct.Add(s);
            }
            else
            {
                twin.Date ??= s.Date;
                if (twin.Window.IsEmpty)
                {
                    twin.Window = s.Window;
                }
            }
        }

        return distinct;
    }
}
