using FleetManager.Core.Model;
using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules;

/// <summary>
/// What a message with several orders says once for all of them, outside the orders' own blocks: the
/// text before the first block and after the last one in the body ("Ambele încărcări se fac la
/// depozitul nostru: …, 550052 Sibiu", "Towar nie-ADR", "Temperatuur voor beide ritten +2 tot +4 °C").
/// A value stated there completes every order that does not state its own: the vehicle, ADR (the spec's
/// blanket statement), the temperature range, the price, and a loading or unloading place that no
/// block names; a request for a price there ("Please quote the two lanes below") makes every order that
/// reads as a booking a quote request. The sign-off and what follows it are not read.
/// </summary>
internal sealed class SharedOrderContext
{
    private readonly TransportOrder _values;
    private readonly Dictionary<string, TextSpan> _sources;

    private SharedOrderContext(TransportOrder values, Dictionary<string, TextSpan> sources, List<StopFragment> stops)
    {
        _values = values;
        _sources = sources;
        Stops = stops;
    }

    /// <summary>Places stated once for every order (at most one loading and one unloading place).</summary>
    public IReadOnlyList<StopFragment> Stops { get; }

    /// <summary>The shared context of a message split into <paramref name="blocks"/>; null for a single order or when there is none.</summary>
    public static SharedOrderContext? Read(RulesDocument document, IReadOnlyList<OrderBlock> blocks, StopExtractor stops)
    {
        if (blocks.Count < 2)
        {
            return null;
        }

        var bodyEnd = document.AttachmentStarts.Count > 0 ? document.AttachmentStarts[0] : document.Text.Length;
        var first = blocks.Min(b => b.Start);
        var last = blocks.Max(b => b.End);
        var ranges = new List<OrderBlock>(2);
        AddRange(document.Text, ranges, document.BodyStart, Math.Min(first, bodyEnd));
        if (last < bodyEnd)
        {
            AddRange(document.Text, ranges, last, bodyEnd);
        }

        if (ranges.Count == 0)
        {
            return null;
        }

        var sources = new Dictionary<string, TextSpan>();
        TransportOrder values = new();
        foreach (var range in ranges)
        {
            var found = OrderFieldExtractor.Extract(document, range, sources);
            var noTemperature = values.TemperatureMinC is null && values.TemperatureMaxC is null;
            // In running text only a vehicle word that cannot be anything else counts (Dutch "van" is a
            // preposition); and only a blanket "no dangerous goods" is shared (order-format.md): a
            // dangerous-goods remark there usually belongs to one of the orders.
            var vehicle = Fields.VehicleVocabulary.Find(document.Text.AsSpan(range.Start, range.Length), strict: true)?.Type;
            values = values with
            {
                VehicleType = values.VehicleType ?? (vehicle is not null && vehicle == found.VehicleType ? vehicle : null),
                Adr = values.Adr ?? (found.Adr == false ? false : null),
                TemperatureMinC = noTemperature ? found.TemperatureMinC : values.TemperatureMinC,
                TemperatureMaxC = noTemperature ? found.TemperatureMaxC : values.TemperatureMaxC,
                Price = values.Price ?? found.Price,
                RequestType = values.RequestType == RequestType.QuoteRequest ? values.RequestType : found.RequestType,
            };
        }

        var shared = stops.SharedStops(document, ranges);
        return new SharedOrderContext(values, sources, shared);
    }

    /// <summary><paramref name="order"/> with what it does not state itself taken from the shared context.</summary>
    public TransportOrder Complete(TransportOrder order, IDictionary<string, TextSpan> sources)
    {
        var completed = order;
        if (order.VehicleType is null && _values.VehicleType is not null)
        {
            completed = completed with { VehicleType = _values.VehicleType };
            Copy(sources, "vehicle_type");
        }

        if (order.Adr is null && _values.Adr is not null)
        {
            completed = completed with { Adr = _values.Adr };
            Copy(sources, "adr");
        }

        if (order.TemperatureMinC is null && order.TemperatureMaxC is null && (_values.TemperatureMinC is not null || _values.TemperatureMaxC is not null))
        {
            completed = completed with { TemperatureMinC = _values.TemperatureMinC, TemperatureMaxC = _values.TemperatureMaxC };
            Copy(sources, "temperature_min_c");
            Copy(sources, "temperature_max_c");
        }

        if (order.RequestType == RequestType.Booking && _values.RequestType == RequestType.QuoteRequest)
        {
            completed = completed with { RequestType = RequestType.QuoteRequest };
        }

        if (order.Price is null && _values.Price is not null)
        {
            completed = completed with { Price = _values.Price };
            Copy(sources, "price");
        }

        return completed;
    }

    private void Copy(IDictionary<string, TextSpan> sources, string field)
    {
        if (_sources.TryGetValue(field, out var span))
        {
            sources[field] = span;
        }
    }

    /// <summary>Adds start..end up to the first sign-off line in it (a signature's address or phone is no shared value).</summary>
    private static void AddRange(string text, List<OrderBlock> ranges, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        foreach (var line in TextLine.Split(text, start, end))
        {
            if (SignatureMarkers.IsClosing(line.Text) || SignatureMarkers.IsForwardStart(line.Text))
            {
                end = line.Start;
                break;
            }
        }

        if (end - start > 1 && !text.AsSpan(start, end - start).IsWhiteSpace())
        {
            ranges.Add(new OrderBlock(start, end - start));
        }
    }
}
