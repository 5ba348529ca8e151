using System.Collections.Frozen;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The label vocabulary of stops in the engine's languages (EN, DE, FR, IT, ES, PT, NL, PL, CS, SK,
/// HU, RO, BG, SL, LT, TR), folded. Each loading/unloading word carries its language so a document's
/// language can be guessed from the labels it uses.
/// </summary>
internal static class StopLabels
{
    private static readonly (string Word, bool Loading, string Lang)[] StopWords =
    [
        ("loading", true, "en"), ("load", true, "en"), ("collection", true, "en"), ("collect", true, "en"), ("coll", true, "en"), ("pick-up", true, "en"), ("pickup", true, "en"),
        ("pick", true, "en"), ("origin", true, "en"), ("shipper", true, "en"), ("sender", true, "en"), ("from", true, "en"),
        ("unloading", false, "en"), ("delivery", false, "en"), ("deliver", false, "en"), ("drop", false, "en"), ("drop-off", false, "en"), ("dropoff", false, "en"),
        ("destination", false, "en"), ("consignee", false, "en"), ("receiver", false, "en"), ("recipient", false, "en"), ("to", false, "en"), ("offloading", false, "en"), ("discharge", false, "en"),
        ("beladung", true, "de"), ("beladestelle", true, "de"), ("ladestelle", true, "de"), ("laden", true, "de"), ("ladeort", true, "de"), ("ladeadresse", true, "de"), ("abholung", true, "de"),
        ("abholadresse", true, "de"), ("abholort", true, "de"), ("versender", true, "de"), ("absender", true, "de"), ("verladung", true, "de"), ("ladung", true, "de"), ("verladestelle", true, "de"), ("beladeort", true, "de"),
        ("entladung", false, "de"), ("entladestelle", false, "de"), ("entladen", false, "de"), ("entladeort", false, "de"), ("anlieferung", false, "de"), ("lieferung", false, "de"), ("lieferadresse", false, "de"),
        ("lieferort", false, "de"), ("zustellung", false, "de"), ("empfanger", false, "de"), ("empfaenger", false, "de"), ("abladestelle", false, "de"), ("entladeadresse", false, "de"), ("anlieferadresse", false, "de"),
        ("zaladunek", true, "pl"), ("zaladunku", true, "pl"), ("nadawca", true, "pl"), ("zaladowanie", true, "pl"),
        ("rozladunek", false, "pl"), ("rozladunku", false, "pl"), ("odbiorca", false, "pl"), ("dostawa", false, "pl"), ("rozladowanie", false, "pl"),
        ("chargement", true, "fr"), ("enlevement", true, "fr"), ("expediteur", true, "fr"), ("ramasse", true, "fr"),
        ("livraison", false, "fr"), ("dechargement", false, "fr"), ("destinataire", false, "fr"),
        ("carico", true, "it"), ("ritiro", true, "it"), ("mittente", true, "it"), ("caricazione", true, "it"),
        ("scarico", false, "it"), ("consegna", false, "it"), ("destinatario", false, "it"),
        ("carga", true, "es"), ("recogida", true, "es"), ("origen", true, "es"), ("remitente", true, "es"), ("cargador", true, "es"),
        ("descarga", false, "es"), ("entrega", false, "es"), ("destino", false, "es"),
        ("carregamento", true, "pt"), ("recolha", true, "pt"), ("origem", true, "pt"), ("expedidor", true, "pt"),
        ("laadadres", true, "nl"), ("laadplaats", true, "nl"), ("laden", true, "nl"), ("afzender", true, "nl"), ("ophalen", true, "nl"),
        ("lossen", false, "nl"), ("losadres", false, "nl"), ("losplaats", false, "nl"), ("geadresseerde", false, "nl"), ("levering", false, "nl"), ("afleveradres", false, "nl"),
        ("nakladka", true, "cs"), ("nakladky", true, "cs"), ("nakladce", true, "cs"), ("odesilatel", true, "cs"), ("nakladku", true, "cs"),
        ("vykladka", false, "cs"), ("vykladky", false, "cs"), ("vykladce", false, "cs"), ("prijemce", false, "cs"), ("vykladku", false, "cs"), ("prijemca", false, "sk"), ("odosielatel", true, "sk"),
        ("felrakas", true, "hu"), ("felrakodas", true, "hu"), ("rakodas", true, "hu"), ("felado", true, "hu"), ("felrakasi", true, "hu"),
        ("lerakas", false, "hu"), ("lerakodas", false, "hu"), ("cimzett", false, "hu"), ("lerakasi", false, "hu"), ("kirakodas", false, "hu"),
        ("incarcare", true, "ro"), ("incarcarii", true, "ro"), ("expeditor", true, "ro"),
        ("descarcare", false, "ro"), ("descarcarii", false, "ro"), ("livrare", false, "ro"), ("livrarii", false, "ro"), ("destinatar", false, "ro"),
        ("товарене", true, "bg"), ("натоварване", true, "bg"), ("изпращач", true, "bg"), ("товарене:", true, "bg"),
        ("разтоварване", false, "bg"), ("получател", false, "bg"), ("доставка", false, "bg"),
        ("nalaganje", true, "sl"), ("nakladanje", true, "sl"), ("nalaganja", true, "sl"), ("razkladanje", false, "sl"), ("razkladanja", false, "sl"), ("dostava", false, "sl"),
        ("pakrovimas", true, "lt"), ("pakrovimo", true, "lt"), ("iskrovimas", false, "lt"), ("iskrovimo", false, "lt"), ("pristatymas", false, "lt"), ("pristatymo", false, "lt"),
        ("yukleme", true, "tr"), ("bosaltma", false, "tr"), ("teslim", false, "tr"), ("teslimat", false, "tr"),
    ];

    /// <summary>German compounds: "Ladetermin", "Entladedatum", "Lieferadresse" start with these.</summary>
    private static readonly (string Prefix, bool Loading)[] StopPrefixes =
    [
        ("belade", true), ("verlade", true), ("lade", true), ("abhol", true), ("entlade", false), ("anliefer", false), ("liefer", false), ("zustell", false),
        ("zaladun", true), ("rozladun", false), ("nakladk", true), ("vykladk", false), ("incarcar", true), ("descarcar", false), ("felrak", true), ("lerak", false),
        ("pakrov", true), ("iskrov", false), ("laad", true), ("los", false), ("товар", true), ("разтовар", false),
    ];

    /// <summary>Compounds that start like a stop word but are not one.</summary>
    private static readonly FrozenSet<string> NotStopWords = new[]
    {
        "lademeter", "ladebordwand", "ladungssicherung", "ladeflache", "ladehohe", "ladegut", "ladeliste", "lieferschein", "lieferscheine", "ladeeinheit", "ladungstrager",
        "los", "lose", "loser", "losse", "laadmeter", "laadvermogen", "товар", "товарът", "товара", "laadklep", "ladekran", "liefertermine", "lieferant", "lieferanten", "lieferbedingungen", "ladefahigkeit", "lade-ref", "loadmeter", "loads",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DateWords = new[]
    {
        "date", "datum", "data", "fecha", "termin", "time", "zeit", "zeitfenster", "window", "slot", "cas", "час", "дата", "ora", "godz", "godzina", "idopont", "datum", "tag", "dia",
        "hora", "horario", "orario", "heure", "uhrzeit", "termen", "data/ora", "laaddatum", "losdatum", "datumu", "dne", "day", "when", "termin", "terminu", "tarih", "saat", "datos",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ReferenceWords = new[]
    {
        "ref", "referenz", "reference", "nummer", "number", "nr", "no", "pin", "numero", "cislo", "номер", "referencia", "riferimento", "referentie", "referinta", "реф", "booking", "slot-nr", "hinweis", "note", "notes", "remarks", "bemerkung", "uwagi", "contact", "kontakt", "ansprechpartner",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PlaceWords = new[]
    {
        "firma", "company", "ditta", "indirizzo", "address", "adresse", "adres", "adresa", "адрес", "cim", "name", "presso", "nazwa", "empresa", "societe", "raison", "sociale", "site", "direccion", "morada", "naslov", "adresas", "via", "at",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (bool Loading, string Lang)> StopLookup = StopWords
        .GroupBy(w => TextFold.Fold(w.Word))
        .ToFrozenDictionary(g => g.Key, g => (g.First().Loading, g.First().Lang), StringComparer.Ordinal);

    [ThreadStatic]
    private static LabelMemo<(StopLabelKind Kind, string? Language)>? t_classified;

    private static readonly Func<string, (StopLabelKind, string?)> ClassifyOnce = label => (ClassifyText(label, out var language), language);

    /// <summary>Classifies a label's text; <paramref name="language"/> is the language of its stop word when it has one.</summary>
    public static StopLabelKind Classify(string label, out string? language)
    {
        var (kind, lang) = (t_classified ??= new()).Get(label, ClassifyOnce);
        language = lang;
        return kind;
    }

    private static StopLabelKind ClassifyText(string label, out string? language)
    {
        language = null;
        var folded = TextFold.Fold(label);
        bool? loading = null;
        var hasDate = false;
        var hasReference = false;
        var hasPlace = false;
        foreach (var raw in folded.Split([' ', '/', '(', ')', '.', ',', '-', '–', '|', '\t', '&', '+', '*', '#', '"', '„', '“'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim(':', ';', '\'', '’');
            if (word.Length == 0)
            {
                continue;
            }

            if (StopLookup.TryGetValue(word, out var stop))
            {
                loading ??= stop.Loading;
                language ??= stop.Lang;
            }
            else if (!NotStopWords.Contains(word))
            {
                foreach (var (prefix, isLoading) in StopPrefixes)
                {
                    if (word.Length > prefix.Length + 1 && word.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        loading ??= isLoading;
                        language ??= prefix is "laad" or "los" ? "nl" : prefix.Length > 0 && prefix[0] > 'z' ? "bg" : LanguageOfPrefix(prefix);
                        break;
                    }
                }
            }

            if (DateWords.Contains(word) || word.EndsWith("datum", StringComparison.Ordinal) || word.EndsWith("termin", StringComparison.Ordinal)
                || word.EndsWith("zeit", StringComparison.Ordinal) || word.EndsWith("zeiten", StringComparison.Ordinal)
                || (word.EndsWith("tag", StringComparison.Ordinal) && word.Length > 5 && word.StartsWith("lade", StringComparison.Ordinal)))
            {
                hasDate = true;
            }

            if (ReferenceWords.Contains(word) || word.EndsWith("referenz", StringComparison.Ordinal) || word.EndsWith("nummer", StringComparison.Ordinal)
                || word.StartsWith("ref", StringComparison.Ordinal) || word.StartsWith("реф", StringComparison.Ordinal))
            {
                hasReference = true;
            }

            if (PlaceWords.Contains(word))
            {
                hasPlace = true;
            }
        }

        if (hasReference)
        {
            return StopLabelKind.Reference;
        }

        if (hasDate)
        {
            return loading switch
            {
                true => StopLabelKind.LoadingDate,
                false => StopLabelKind.UnloadingDate,
                null => StopLabelKind.Date,
            };
        }

        if (loading is { } isLoad)
        {
            return isLoad ? StopLabelKind.Loading : StopLabelKind.Unloading;
        }

        return hasPlace ? StopLabelKind.Place : StopLabelKind.Other;
    }

    private static string LanguageOfPrefix(string prefix) => prefix switch
    {
        "zaladun" or "rozladun" => "pl",
        "nakladk" or "vykladk" => "cs",
        "incarcar" or "descarcar" => "ro",
        "felrak" or "lerak" => "hu",
        "pakrov" or "iskrov" => "lt",
        _ => "de",
    };

    /// <summary>Whether a folded word is a loading (true) or unloading (false) word, used in prose sentences.</summary>
    public static bool? StopTypeOfWord(string foldedWord)
    {
        if (StopLookup.TryGetValue(foldedWord, out var stop))
        {
            return foldedWord is "to" or "from" or "load" or "pick" or "coll" or "collect" or "drop" or "deliver" or "ladung" ? null : stop.Loading;
        }

        if (NotStopWords.Contains(foldedWord))
        {
            return null;
        }

        foreach (var (prefix, isLoading) in StopPrefixes)
        {
            if (foldedWord.Length > prefix.Length + 1 && foldedWord.StartsWith(prefix, StringComparison.Ordinal) && prefix != "los")
            {
                return isLoading;
            }
        }

        return null;
    }
}
