namespace FleetManager.Core.Rules.Classifying;

/// <summary>
/// The <see cref="KeywordPrecheck"/> of each vocabulary pattern the classifier runs over whole message
/// bodies. For every alternative of its pattern a list names an ASCII word that alternative always
/// holds literally (the alternative's own word, an ASCII part of it such as "sabonner" for
/// "se désabonner", or another word of the same phrase such as "nicht" for "nicht im büro"), or else
/// one of its non-ASCII letters as an anchor ("о" for "отписване"). Keep a list in step with its
/// pattern in <see cref="ClassificationVocabulary"/> when either changes.
/// </summary>
internal static class ClassificationPrechecks
{
    /// <summary>For <see cref="ClassificationVocabulary.AutoReplyBody"/>; "о" stands in for "отсъствам" and "извън офиса".</summary>
    public static readonly KeywordPrecheck AutoReplyBody = new(
        ["office", "nicht", "abwesend", "urlaub", "assente", "absent", "fuera", "nieobecn", "kancel", "budu", "zon",
            "birou", "afwezig"],
        "о");

    /// <summary>For <see cref="ClassificationVocabulary.CalendarInvite"/>; "п" stands in for "покана".</summary>
    public static readonly KeywordPrecheck CalendarInvite = new(
        ["invit", "einladung", "zaproszenie", "convocation", "pozv", "megh", "uitnodiging", "davet", "eingeladen"],
        "п");

    /// <summary>For <see cref="ClassificationVocabulary.Phishing"/>.</summary>
    public static readonly KeywordPrecheck Phishing = new(
        ["verif", "account", "konto", "speicher", "mailbox", "passw", "unusual", "click", "rifiez"]);

    /// <summary>For <see cref="ClassificationVocabulary.Newsletter"/>; "о" stands in for "отписване".</summary>
    public static readonly KeywordPrecheck Newsletter = new(
        ["unsubscribe", "abmelden", "abbestellen", "newsletter", "wypis", "zrezygnuj", "sabonner", "sinscri",
            "disiscriviti", "iscrizione", "darse", "suscripci", "afmelden", "odhl", "leiratkoz", "dezabona",
            "abonelikten", "browser", "przegl", "webinar"],
        "о");

    /// <summary>
    /// For <see cref="ClassificationVocabulary.InvoiceWord"/>; "á" stands in for "számla", "č" for "račun",
    /// "ý" for "výpis z účtu", "ф" for "фактура", "н" for "напомняне за плащане", "и" for "извлечение".
    /// </summary>
    public static readonly KeywordPrecheck InvoiceWord = new(
        ["invoice", "faktur", "rechnung", "factur", "fattur", "factuur", "fatura", "skait", "credit", "gutschrift",
            "dito", "avoir", "dobropis", "korekt", "reminder", "zahlungserinnerung", "mahnung", "przypomnienie",
            "wezwanie", "paiement", "sollecito", "recordatorio", "betalingsherinnering", "upom", "keztet", "soma",
            "statement", "kontoauszug", "rekeningoverzicht", "saldenbest", "relev", "estratto", "extracto", "wyci",
            "abrechnung", "rozliczenie"],
        "áčýфни");
}
