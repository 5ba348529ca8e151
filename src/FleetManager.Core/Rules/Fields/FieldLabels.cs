using FleetManager.Core.Rules.Vocabularies;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Folded (lower case, diacritic-free) label stems that introduce each order field in the languages
/// the mailbox sees: the stems written here, and the <c>label.*</c> (and <c>vehicle.label</c>,
/// <c>adr.dangerous</c>) words of every language file. A label matches when it starts with a stem.
/// </summary>
public static class FieldLabels
{
    public static readonly IReadOnlyList<string> Weight = new LabelStems(
    [
        "weight", "gross weight", "total weight", "gewicht", "bruttogewicht", "gesamtgewicht", "waga", "masa", "poids",
        "peso", "gewicht", "hmotnost", "hmotnosť", "vaha", "suly", "brutto suly", "greutate", "тегло", "бруто тегло",
        "teza", "svoris", "agirlik", "gross", "brutto", "weight kg", "tonaz",
        .. VocabularyCatalog.Folded("label.weight"),
    ]);

    public static readonly IReadOnlyList<string> Pallets = new LabelStems(
    [
        "pallets", "pallet", "paletten", "palety", "palet", "palettes", "bancali", "paletas", "palets", "raklap",
        "палета", "палети", "padeklai", "paleti", "pocet palet", "počet palet", "packages", "packstucke", "colli",
        "stellplatze", "pal.", "epal", "liczba palet", "pocet paliet",
        .. VocabularyCatalog.Folded("label.pallets"),

        // A column headed by the pallet word itself ("Pall (EUR)", "Lavat"); the short words ("pal", "ks") start too many other labels.
        .. VocabularyCatalog.Folded("unit.pallet").Where(w => w.Length >= 4),
    ]);

    public static readonly IReadOnlyList<string> LoadingMeters = new LabelStems(
    [
        "ldm", "lademeter", "loading met", "loading meter", "metri liniari", "metri lineari", "metros lineales",
        "metry biezace", "laadmeter", "ložné metry", "lozne metry", "rakodometer", "л.м", "линейни метри", "lm",
        // The language files' floor-metre words ("Flakmeter: 8,8"); the two-letter ones (ml, mb) start too many other labels.
        .. VocabularyCatalog.Folded("unit.ldm").Where(w => w.Length >= 4),
    ]);

    public static readonly IReadOnlyList<string> Vehicle = new LabelStems(
    [
        "vehicle", "truck", "equipment", "trailer", "fahrzeug", "lkw", "auflieger", "auto", "pojazd", "naczepa", "rodzaj auta",
        "typ auta", "vehicule", "camion", "mezzo", "tipo mezzo", "automezzo", "vehiculo", "veiculo", "voertuig", "wagen",
        "vozidlo", "typ vozidla", "nastavba", "jarmu", "tip camion", "tip vehicul", "autovehicul", "камион", "превозно средство",
        "ремарке", "arac", "transporto priemone", "vozilo", "truck type", "vehicle type",
        .. VocabularyCatalog.Folded("vehicle.label"),
    ]);

    public static readonly IReadOnlyList<string> Price = new LabelStems(
    [
        "price", "rate", "freight rate", "freight", "agreed rate", "fixed price", "preis", "frachtpreis", "fracht",
        "frachtkosten", "festpreis", "vereinbarter", "stawka", "cena", "fracht", "prix", "tarif", "prezzo", "nolo",
        "precio", "preco", "tarief", "prijs", "vrachtprijs", "cena za prepravu", "cena prepravy", "fuvardij", "dij",
        "pret", "tarif", "цена", "навло", "ucret", "navlun", "kaina", "rate eur", "offer", "oferta cenowa", "importe",
        .. VocabularyCatalog.Folded("label.price"),
    ]);

    /// <summary>A column or field that holds only the currency of the price next to it ("Valuta: EUR", "Pénznem").</summary>
    public static readonly IReadOnlyList<string> Currency = new LabelStems(
    [
        "currency", "wahrung", "waehrung",
        .. VocabularyCatalog.Folded("label.currency"),
    ]);

    public static readonly IReadOnlyList<string> Goods = new LabelStems(
    [
        "goods", "cargo", "commodity", "description", "ware", "ladung", "sendung", "towar", "ladunek", "marchandise",
        "merce", "descrizione", "mercancia", "mercadoria", "lading", "goederen", "zbozi", "tovar", "aru", "marfa",
        "товар", "стока", "krovinys", "yuk", "blago", "ware gesamt",
        .. VocabularyCatalog.Folded("label.goods"),
    ]);

    public static readonly IReadOnlyList<string> Temperature = new LabelStems(
    [
        "temp", "temperatur", "temperature", "temperatura", "temperatuur", "teplota", "homerseklet", "температура", "sicaklik",
        "set temp",
        .. VocabularyCatalog.Folded("label.temperature"),
    ]);

    public static readonly IReadOnlyList<string> Adr = new LabelStems(
    [
        "adr", "gefahrgut", "dangerous goods", "hazardous", "hazmat", "matieres dangereuses", "marchandise dangereuse",
        "merci pericolose", "merce pericolosa", "mercancia peligrosa", "mercancias peligrosas", "towary niebezpieczne",
        "towar niebezpieczny", "nebezpecne", "veszelyes", "marfa periculoasa", "опасен товар", "опасни товари",
        "gevaarlijke stoffen", "tehlikeli", "pavojing",
        .. VocabularyCatalog.Folded("adr.dangerous"),
    ]);

    public static readonly IReadOnlyList<string> Customer = new LabelStems(
    [
        "auftraggeber", "ordered by", "client", "customer", "beneficiar", "objednatel", "objednavatel", "zleceniodawca",
        "възложител", "възложител", "megbizo", "committente", "donneur d'ordre", "cargador", "ordenante", "opdrachtgever",
        "anbieter", "posted by", "uzsakovas", "narocnik", "siparis veren",
    ]);

    public static readonly IReadOnlyList<string> ContactPerson = new LabelStems(
    [
        "contact", "kontakt", "ansprechpartner", "sachbearbeiter", "disponent", "planner", "dispatcher", "referente",
        "persoana de contact", "лице за контакт", "dispecer", "dispečer", "osoba kontaktowa", "interlocuteur", "contacto",
        "kapcsolattarto", "contactpersoon", "contact person",
    ]);

    public static readonly IReadOnlyList<string> Remarks = new LabelStems(
    [
        "remarks", "notes", "note", "bemerkungen", "hinweise", "bitte beachten", "uwagi", "remarques", "observations",
        "note", "osservazioni", "observaciones", "opmerkingen", "poznamka", "poznamky", "megjegyzes", "cerinte", "observatii",
        "изисквания", "забележка", "requirements", "route notes", "special requirements",
    ]);
}
