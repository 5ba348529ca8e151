namespace FleetManager.Core.Rules.Vocabularies;

/// <summary>
/// The categories a language file of the rules engine's vocabulary defines (docs/readers.md,
/// "Vocabularies"). Every file must give at least one word for each <see cref="Required"/> key;
/// <see cref="Optional"/> keys are there where the language has such words.
/// </summary>
public static class VocabularyKeys
{
    /// <summary>The keys every language file defines; the completeness test holds each file to them.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        "stop.loading", "stop.unloading", "stop.place", "stop.date",
        "month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
        "month.7", "month.8", "month.9", "month.10", "month.11", "month.12",
        "weekday.1", "weekday.2", "weekday.3", "weekday.4", "weekday.5", "weekday.6", "weekday.7",
        "unit.kg", "unit.tonne", "unit.pallet", "unit.ldm",
        "vehicle.label", "vehicle.tautliner", "vehicle.box", "vehicle.reefer", "vehicle.flatbed", "vehicle.van", "vehicle.tanker", "vehicle.mega",
        "adr.dangerous", "adr.negation", "answer.yes", "answer.no",
        "request.quote", "request.order",
        "prefix.reply", "prefix.forward",
        "out_of_office", "invoice", "cancellation", "confirmation", "tracking",
        "label.weight", "label.pallets", "label.price", "label.currency", "label.reference", "label.temperature", "label.goods",
        "sea_air",
    ];

    /// <summary>
    /// Keys a file may define: compound prefixes of stop words, pounds, local currency words, regions that are
    /// not cities, words that name a kind of pallet between a count and the pallet word ("22 one-way pallets"),
    /// the ISO code of the country whose postal codes a mail in the language most likely writes (home), and the
    /// billing structure of a bill (billing: the VAT's name, due date, amount to pay), and a freight exchange's alert
    /// wording (exchange.notice: "new loads") and its entries' labels (exchange.entry: "offered by", "load ID"), and the
    /// word for degrees of temperature (unit.degree: "graden", "stopni"), and "the same day" (stop.same_day: "no mesmo dia",
    /// "am selben Tag") for a delivery on the loading day, and the title of an acknowledgement of receipt (receipt: "accusé de
    /// réception", "Empfangsbestätigung"), which opens the subject of a message that only says another arrived, and a load
    /// offered as such (request.offer: "load available", "freie Ladung", "încărcătură disponibilă").
    /// </summary>
    public static readonly IReadOnlyList<string> Optional =
    [
        "stop.loading.prefix", "stop.unloading.prefix", "unit.pound", "currency", "region", "unit.pallet.kind", "home", "billing", "exchange.notice", "exchange.entry",
        "unit.degree", "stop.same_day", "receipt", "request.offer",
    ];

    /// <summary>The header keys of a file: its language code and the language's English name.</summary>
    public static readonly IReadOnlyList<string> Header = ["language", "name"];

    /// <summary>True for a key a language file may use.</summary>
    public static bool IsKnown(string key) => Required.Contains(key) || Optional.Contains(key) || Header.Contains(key);
}
