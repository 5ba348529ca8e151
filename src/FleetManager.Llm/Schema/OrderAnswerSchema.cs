using FleetManager.Core.Model;
using static FleetManager.Llm.Schema.SchemaNode;

namespace FleetManager.Llm.Schema;

/// <summary>
/// The answer a model gives for one email: the spec's EmailResult without <c>message_id</c> (the
/// program knows it) and Order without coordinates (geocoding fills them). One definition for both
/// readers; field names and vocabularies are exactly order-format.md's.
/// </summary>
public static class OrderAnswerSchema
{
    public static IReadOnlyList<string> Classifications => SpecVocabulary.Classifications.Names;

    public static IReadOnlyList<string> RequestTypes => SpecVocabulary.RequestTypes.Names;

    public static IReadOnlyList<string> StopTypes => SpecVocabulary.StopTypes.Names;

    public static IReadOnlyList<string> VehicleTypes => SpecVocabulary.VehicleTypes.Names;

    public static SchemaNode Stop { get; } = Object(false, null,
        ("type", OneOf(StopTypes, nullable: false)),
        ("company", Text()),
        ("address", Text("the address as written")),
        ("postal_code", Text("national form without country prefix: DE-80331 -> 80331, PL 02-672 -> 02-672")),
        ("city", Text("as the email writes it")),
        ("country", Text("ISO 3166-1 alpha-2, e.g. DE, PL, BG")),
        ("date", Text("YYYY-MM-DD when the email gives the year; when it omits the year, the day and month as DD.MM. (the program adds the year); null for a calendar week or ASAP")),
        ("time_from", Text("HH:MM, 24-hour")),
        ("time_to", Text("HH:MM, 24-hour")));

    public static SchemaNode Price { get; } = Object(true, "the offered or agreed freight rate; null when no rate is given",
        ("amount", Number()),
        ("currency", Text("ISO 4217: " + string.Join(", ", SpecVocabulary.Currencies))));

    public static SchemaNode Contact { get; } = Object(true, "the person to speak to about this order",
        ("name", Text()),
        ("phone", Text()),
        ("email", Text()));

    public static SchemaNode Order { get; } = Object(false, null,
        ("request_type", OneOf(RequestTypes)),
        ("reference_number", Text("the sender's order/booking/load number without its label")),
        ("customer", Text("the company that sends the order (not the carrier, not the loading site)")),
        ("stops", ArrayOf(Stop, "in travel order")),
        ("cargo_description", Text()),
        ("weight_kg", Number("total weight in kilograms (24 t = 24000)")),
        ("pallets", Integer("total pallet count")),
        ("loading_meters", Number()),
        ("vehicle_type", OneOf(VehicleTypes)),
        ("adr", Boolean("true for dangerous goods, false when the email says not ADR, null if not mentioned")),
        ("temperature_min_c", Number()),
        ("temperature_max_c", Number()),
        ("price", Price),
        ("special_requirements", Text()),
        ("contact", Contact));

    /// <summary>The root: classification and the orders (empty unless the classification is order).</summary>
    public static SchemaNode Answer { get; } = Object(false, null,
        ("classification", OneOf(Classifications, nullable: false)),
        ("orders", ArrayOf(Order, "empty unless classification is order; one entry per order, in the order the email gives them")));
}
