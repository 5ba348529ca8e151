using FleetManager.Core.Model;
using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Rules;

/// <summary>
/// Reads the order-level fields (reference, request type, customer, cargo, weight, pallets, loading
/// metres, vehicle, ADR, temperature, price, requirements, contact) of one order block. Each field
/// has its own reader under Rules/Fields; every value found is recorded in <c>sources</c> with the
/// text span it was read from. Stateless and thread-safe.
/// </summary>
public static class OrderFieldExtractor
{
    /// <summary>
    /// Extracts the order-level fields of <paramref name="block"/>; stops are left empty. <paramref name="oneOfSeveral"/>
    /// says the message holds several orders: under an exchange's wording ("Neue Frachtangebote") they are its entries.
    /// </summary>
    public static TransportOrder Extract(RulesDocument document, OrderBlock block, IDictionary<string, TextSpan> sources, bool oneOfSeveral = false)
    {
        var fields = FieldBlock.Create(document.Text, block.Start, block.End, document.BodyStart, AttachmentsStart(document));
        // An order sent as bulk mail (List-Unsubscribe, List-Id, Precedence: bulk) is a freight exchange's alert: its loads are
        // offers; so are several orders under an alert's wording, though their entries name no offer id or poster's label.
        var exchange = RequestTypeReader.IsExchangeNotification(document.Text) || IsBulkMail(document.Email.Headers)
            || (oneOfSeveral && RequestTypeReader.HasExchangeNotice(document.Text));

        var requestType = RequestTypeReader.Read(document.Email.Subject, fields, exchange);
        var reference = ReferenceReader.Read(fields);
        var weight = QuantityReader.Weight(fields);
        var pallets = QuantityReader.Pallets(fields);
        var loadingMeters = QuantityReader.LoadingMeters(fields);
        var vehicle = Vehicle(fields);
        var adr = AdrReader.Read(fields);
        var temperature = TemperatureReader.Read(fields);
        var price = PriceReader.Read(fields);
        var customer = PartyReader.Customer(fields, document.Parties, exchange);
        var contact = PartyReader.Contact(fields, document.Parties, exchange);
        var cargo = Labelled(fields, FieldLabels.Goods);
        var requirements = Labelled(fields, FieldLabels.Remarks);

        Record(sources, "reference_number", reference?.Span);
        Record(sources, "weight_kg", weight?.Span);
        Record(sources, "pallets", pallets?.Span);
        Record(sources, "loading_meters", loadingMeters?.Span);
        Record(sources, "vehicle_type", vehicle?.Span);
        Record(sources, "adr", adr?.Span);
        Record(sources, "temperature_min_c", temperature?.Span);
        Record(sources, "temperature_max_c", temperature?.Span);
        Record(sources, "price", price?.Span);
        Record(sources, "customer", customer?.Span);
        Record(sources, "contact", contact?.Span);
        Record(sources, "cargo_description", cargo?.Span);
        Record(sources, "special_requirements", requirements?.Span);

        return new TransportOrder
        {
            RequestType = requestType,
            ReferenceNumber = reference?.Value,
            Customer = customer?.Value,
            CargoDescription = cargo?.Value,
            WeightKg = weight?.Value,
            Pallets = pallets?.Value,
            LoadingMeters = loadingMeters?.Value,
            VehicleType = vehicle?.Type,
            Adr = adr?.Value,
            TemperatureMinC = temperature?.Min,
            TemperatureMaxC = temperature?.Max,
            Price = price?.Price,
            SpecialRequirements = requirements?.Value,
            Contact = contact?.Contact,
        };
    }

    private static bool IsBulkMail(IReadOnlyDictionary<string, string> headers)
        => headers.ContainsKey("list-unsubscribe") || headers.ContainsKey("list-id")
            || (headers.TryGetValue("precedence", out var precedence) && (precedence.Contains("bulk", StringComparison.OrdinalIgnoreCase) || precedence.Contains("list", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The vehicle from a vehicle-labelled value first (where "box" or "plane" are unambiguous), then anywhere in the block.</summary>
    private static (VehicleType Type, TextSpan Span)? Vehicle(FieldBlock block)
    {
        foreach (var field in block.Fields)
        {
            if (field.LabelStartsWith(FieldLabels.Vehicle)
                && VehicleVocabulary.Find(block.Text.AsSpan(field.ValueStart, field.ValueLength), strict: false) is { } labelled)
            {
                return (labelled.Type, new TextSpan(field.ValueStart + labelled.Index, labelled.Length));
            }
        }

        // In running text only the unambiguous words count; the subject is included (it often names the body).
        // The block is folded once for all readers (FieldBlock.Folded), not again here.
        var free = VehicleVocabulary.Find(block.Span, strict: true, block.Folded);
        if (free is null && IsShortEntry(block))
        {
            free = VehicleVocabulary.Find(block.Span, strict: false, block.Folded);
        }

        return free is { } f ? (f.Type, new TextSpan(block.Start + f.Index, f.Length)) : null;
    }

    /// <summary>A short block (an exchange digest entry, a load-list row) where a bare "Plane" or "Box" is the body type.</summary>
    private static bool IsShortEntry(FieldBlock block) => block.End - block.Start < 600;

    /// <summary>
    /// The value of the first field labelled with one of <paramref name="labels"/> as a whole word, else of the first whose
    /// label starts with one: the stems of all the files are tried on every label, and a stem of one language may start
    /// another's word (Irish "lasta", cargo, starts Finnish "lastaus", loading).
    /// </summary>
    private static (string Value, TextSpan Span)? Labelled(FieldBlock block, IReadOnlyList<string> labels)
    {
        foreach (var field in block.Fields)
        {
            if (field.LabelIsWordOf(labels))
            {
                return (block.Value(field), new TextSpan(field.ValueStart, field.ValueLength));
            }
        }

        foreach (var field in block.Fields)
        {
            if (field.LabelStartsWith(labels))
            {
                return (block.Value(field), new TextSpan(field.ValueStart, field.ValueLength));
            }
        }

        return null;
    }

    private static int AttachmentsStart(RulesDocument document)
    {
        return Math.Min(document.BodyEnd, document.Text.Length);
    }

    private static void Record(IDictionary<string, TextSpan> sources, string field, TextSpan? span)
    {
        if (span is { } s && s.Length > 0)
        {
            sources[field] = s;
        }
    }
}
