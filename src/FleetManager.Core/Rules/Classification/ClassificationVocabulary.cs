using System.Text.RegularExpressions;

namespace FleetManager.Core.Rules.Classifying;

/// <summary>
/// The words and shapes the classifier weighs, in the mailbox's languages. Each pattern is compiled
/// once (source-generated) and matched case-insensitively against the subject, the new body text or
/// the attachment names and texts.
/// </summary>
public static partial class ClassificationVocabulary
{
    /// <summary>Reply prefixes: RE, AW, Odp, SV, R, Antw, VS, Ynt, Отг, Odg.</summary>
    [GeneratedRegex(@"^\s*(?:(?:re|aw|odp|sv|r|antw|vs|ynt|отг|odg|rv|ang|atb|res)\s*(?:\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ReplyPrefix();

    /// <summary>Forward prefixes: Fwd, Fw, WG, TR, PD, I, RV, Doorst, Přeposlat, Továbbítás, Пр.</summary>
    [GeneratedRegex(@"^\s*(?:(?:re|aw|odp|sv|antw)\s*:\s*)*(?:fwd?|wg|tr|pd|rv|doorst|fs|vs|továbbítás|továbbított|пр|пре|i)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForwardPrefix();

    [GeneratedRegex(@"(?:automatische\s+antwort|abwesenheit|out\s+of\s+(?:the\s+)?office|automatic\s+reply|auto[\s-]?reply|autoreply|risposta\s+automatica|réponse\s+automatique|absence\s+du\s+bureau|respuesta\s+automática|fuera\s+de\s+la\s+oficina|odpowiedź\s+automatyczna|automatická\s+odpověď|automatikus\s+válasz|răspuns\s+automat|автоматичен\s+отговор|automatisch\s+antwoord|afwezig|nicht\s+im\s+büro|otomatik\s+yanıt|nepřítomnost|nieobecność)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AutoReply();

    [GeneratedRegex(@"(?:\bout\s+of\s+(?:the\s+)?office\b|nicht\s+im\s+büro|bin\s+(?:ich\s+)?(?:bis|vom)\b[^\n]{0,60}(?:abwesend|nicht\s+im\s+büro|im\s+urlaub)|sarò\s+assente|je\s+suis\s+absent|estaré\s+fuera|jestem\s+nieobecn|będę\s+nieobecn|nejsem\s+v\s+kanceláři|budu\s+nepřítomn|házon\s+kívül|nu\s+sunt\s+la\s+birou|отсъствам|извън\s+офиса|ben\s+afwezig)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AutoReplyBody();

    [GeneratedRegex(@"^\s*(?:invitation|updated\s+invitation|einladung|aktualisierte\s+einladung|zaproszenie|invitación|invito|convocation|pozvánka|meghívó|invitație|покана|uitnodiging|davet)\b|\byou\s+have\s+been\s+invited\b|\bsie\s+wurden\s+eingeladen\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CalendarInvite();

    [GeneratedRegex(@"\b(?:annulation|annul[ée]e?|storno\w*|stornierung|storniert|cancel(?:l?ation|l?ed)?|anulowan\w*|anulowanie|odwołan\w*|annullament\w*|annullat\w*|anulación|anulad[oa]|cancelación|cancelad[oa]|zrušení|zrušen\w*|lemondás|lemondva|törölve|anulare|anulat\w*|анулиране|отказ(?:ана)?|отмяна|annulering|geannuleerd|iptal)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Cancellation();

    [GeneratedRegex(@"\b(?:status(?:\s+update)?|tracking|track\s*&\s*trace|sendungsverfolgung|statusmeldung|(?-i:ETA)\b|arrived|angekommen|eingetroffen|delivered|zugestellt|dostarczon\w*|rozładowan\w*|załadowan\w*|livré|consegnat\w*|entregad\w*|doručen\w*|ajuns|încărcat|descărcat|пристигна|доставен\w*|afgeleverd|(?-i:POD|CMR)\b|proof\s+of\s+delivery|lieferschein|skan|scan|avizare\s+sosire)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex StatusSubject();

    [GeneratedRegex(@"\b(?:verify\s+your\s+(?:account|company|identity)|account\s+(?:restricted|suspended|locked)|bestätigen\s+sie\s+(?:bitte\s+)?ihr\s+konto|konto\s+(?:wird\s+)?deaktiviert|speicherlimit|speicher\w*\s+erweitern|mailbox\s+(?:is\s+)?full|password\s+expir\w*|passwort\s+läuft|unusual\s+sign-?in|zweryfikuj\s+konto|potwierdź\s+konto|click\s+here\s+to\s+(?:verify|release)|vérifiez\s+votre\s+compte|verifica\s+il\s+tuo\s+account)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Phishing();

    [GeneratedRegex(@"\b(?:job\s+application|application\s+for|bewerbung|kandidatura|кандидатура|candidatura|candidature|aplikace\s+na|jelentkezés|życiorys|lebenslauf|curriculum|\bcv\b|önéletrajz|cerere\s+de\s+angajare|sollicitatie)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex JobApplication();

    [GeneratedRegex(@"(?:unsubscribe|abmelden|abbestellen|newsletter|wypisz\s+się|wypisać|zrezygnuj\s+z\s+subskrypcji|se\s+désabonner|désinscri\w*|disiscriviti|cancella\s+iscrizione|darse\s+de\s+baja|cancelar\s+suscripción|afmelden|odhlásit|leiratkoz\w*|dezabona\w*|отписване|abonelikten\s+çık|view\s+in\s+(?:your\s+)?browser|im\s+browser\s+ansehen|zobacz\s+w\s+przeglądarce|webinar)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Newsletter();

    [GeneratedRegex(@"\b(?:invoices?|faktur\w*|rechnung\w*|sammelrechnung|facture\w*|fattur\w*|factur\w*|factuur|facturen|számlá?\w*|фактур\w*|fatura\w*|sąskait\w*|račun\w*|credit\s+note|gutschrift\w*|nota\s+(?:di\s+)?credito|nota\s+de\s+crédito|avoir\b|creditnota|dobropis\w*|korekt\w*|payment\s+reminder|zahlungserinnerung|mahnung|przypomnienie\s+o\s+płatności|wezwanie\s+do\s+zapłaty|rappel\s+de\s+paiement|relance\s+de\s+paiement|sollecito\s+di\s+pagamento|recordatorio\s+de\s+pago|betalingsherinnering|upomínk\w*|fizetési\s+emlékeztető|somație|напомняне\s+за\s+плащане|statement\s+of\s+account|statement\b|kontoauszug|rekeningoverzicht|saldenbestätigung|relevé\s+de\s+compte|estratto\s+conto|extracto\s+de\s+cuenta|wyciąg|výpis\s+z\s+účtu|abrechnung|tankkartenabrechnung|rozliczenie|извлечение)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex InvoiceWord();

    [GeneratedRegex(@"^\s*(?:question|query|frage|rückfrage|pytanie|dotaz|domanda|pregunta|kérdés|întrebare|въпрос|vraag|reklamation|complaint|reklamacja|reklamace|reclamo|reclamación|réclamation|dispute|einspruch)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex QuestionSubject();

    [GeneratedRegex(@"\b(?:iban\b|bic\b|swift\b|sort\s+code|bankverbindung|konto\w*\s*:|rachunek|numer\s+konta|nr\s+rachunku|rib\b|bank\s+account|account\s+no|účet|számlaszám|cont\s+bancar|банкова\s+сметка|due\s+date|fällig\w*|zahlbar\s+bis|valuta|termin\s+płatności|échéance|scadenza|vencimiento|vervaldatum|splatnost\w*|datum\s+splatnosti|fizetési\s+határidő|scaden[țţt][aă]|падеж|total\s+(?:overdue|due|amount)|amount\s+due|rechnungsbetrag|nettobetrag|auszahlungsbetrag|razem\s+do\s+zapłaty|kwota\s+do\s+zapłaty|do\s+zapłaty|montant\s+(?:ttc|ht)|net\s+à\s+payer|totale\s+documento|importo|total\s+factura|importe|částka\s+k\s+úhradě|k\s+úhradě|cena\s+celkem|сума\s+за\s+плащане|totaal\s+openstaand|openstaand|overdue|sepa[-\s]lastschrift|direct\s+debit|lastschrift|przelew|bonifico|virement|transferencia|überweisung|mwst|ust\.|ust-idnr|vat\s+\d|\bvat\b|tva\b|iva\b|dph\b|ддс|áfa|btw\b|reverse\s+charge|autoliquidation|inversione\s+contabile|inversión\s+del\s+sujeto|steuerschuldnerschaft|odwrotne\s+obciążenie|přenesení\s+daňové)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex InvoiceStructure();

    [GeneratedRegex(@"\b(?:transportauftrag|speditionsauftrag|frachtauftrag|auftrag|ladeauftrag|komplettladung|teilladung|sammeltour|ladung|booking|transport\s+order|load(?:s)?\b|shipment|ftl\b|ltl\b|zlecenie|zlecenia|ładunek|ładunki|заявка|поръчка|ordine|ordre\s+de\s+transport|orden\s+de\s+carga|pedido|objednávka|objednávky|comand[aăã]|fuvarmegbízás|megbízás|fuvar|transport\b|transporte|trasporto|přeprava|přepravy|prepravy|превоз|rfq\b|quote\s+request|quotation|demande\s+de\s+cotation|prijsaanvraag|solicitud\s+de\s+precio|árajánlat\w*|cerere\s+de\s+ofert\w*|запитване|frachtangebot\w*|ladungsangebot\w*|ladungen|sipariş|užsakymas|naročilo|pilne|urgent|dringend)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex OrderSubject();

    /// <summary>A line that names a loading place (labels in many languages).</summary>
    [GeneratedRegex(@"(?im)^[ \t>]*(?:\d+[.)]\s*|[-•*·]\s*)?(?:beladestelle|ladestelle|beladung|ladeort|ladetermin|ladedatum|laden|ladung|abholung|loading(?:\s+(?:address|place|point|date))?|collection|pick[\s-]?up|pickup|origin|shipper|załadunek|zaladunek|miejsce\s+załadunku|chargement|enl[èe]vement|lieu\s+de\s+chargement|carico|luogo\s+di\s+carico|ritiro|carga|origen|lugar\s+de\s+carga|nakládka|místo\s+nakládky|nakladka|felrakás|felrakodás|încărcare|incarcare|încãrcare|товарене|място\s+на\s+товарене|laadadres|laden|laadplaats|yükleme|pakrovimas|nakladanje|stopp?\s+\d+\s+beladung|\d\s+beladung)\b[^\n]{0,200}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex LoadingLine();

    /// <summary>A line that names an unloading place.</summary>
    [GeneratedRegex(@"(?im)^[ \t>]*(?:\d+[.)]\s*|[-•*·]\s*)?(?:entladestelle|entladung|entladeort|entladetermin|entladedatum|entladen|empfänger|anlieferung|zustellung|lieferung|delivery(?:\s+(?:address|place|point|date))?|drop|destination|unloading|consignee|rozładunek|rozladunek|miejsce\s+rozładunku|livraison|déchargement|lieu\s+de\s+livraison|scarico|luogo\s+di\s+scarico|consegna|descarga|destino|lugar\s+de\s+descarga|entrega|vykládka|místo\s+vykládky|vykladka|lerakás|lerakodás|descărcare|descarcare|descãrcare|livrare|разтоварване|място\s+на\s+разтоварване|losadres|lossen|losplaats|afleveradres|boşaltma|teslimat|iškrovimas|razkladanje|\d\s+entladung)\b[^\n]{0,200}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex UnloadingLine();

    /// <summary>A lane: "A -> B", "A → B", "A > B" between names or postcodes.</summary>
    [GeneratedRegex(@"[\p{L}\d\)][\p{L}\d\s.\-()]{1,40}?\s*(?:->|→|=>|>|»|–|—| - )\s*[\p{Lu}\d][\p{L}]", RegexOptions.CultureInvariant)]
    public static partial Regex Lane();

    /// <summary>A lane line of an exchange digest, postcodes on both sides: "DE-85386 Eching -> PL-02-672 Warszawa".</summary>
    [GeneratedRegex(@"(?m)\b[A-Z]{1,2}[ \t-]?\d{2,5}(?:[ \t-]\d{2,3})?[ \t]+\p{L}[^\n]{0,40}?[ \t]*(?:->|→|=>|»|>)[ \t]*[A-Z]{1,2}[ \t-]?\d{2,5}|\b\p{Lu}[\p{L}\-]+(?:[ \t]\p{Lu}[\p{L}\-]+)?[ \t]*\([A-Z]{2}\)[ \t]*(?:->|→|=>|»|>)[ \t]*\p{Lu}[\p{L}\-]+(?:[ \t]\p{Lu}[\p{L}\-]+)?[ \t]*\([A-Z]{2}\)")]
    public static partial Regex DigestLane();

    /// <summary>The header row of a delimited load list naming both loading and delivery columns.</summary>
    [GeneratedRegex(@"(?im)^(?=[^\n]*(?:load|lade|belad|załad|zalad|carico|chargement|carga|nakl|felrak|încărc|товар))(?=[^\n]*(?:deliver|entlad|unload|rozład|rozlad|scarico|consegna|livraison|descarga|vykl|lerak|descărc|livrare|разтовар|consignee|empfänger))[^\n]*(?:[;\t|][^\n;\t|]*){4,}$", RegexOptions.CultureInvariant)]
    public static partial Regex LoadListHeader();

    [GeneratedRegex(@"\b(?:\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d+)?\s*(?:kg|t|to|tons?|tonnen|tony|tun|тона|т|кг)\b|\d{1,2}\s*(?:x\s*)?(?:pallets?|palettes?|paletten|europaletten|palety|palet|palets|paletas|bancali|pallet|raklap|палета|палети|paleți|paleţi|EPAL|EP|PAL|pal\.)|\d{1,2}(?:[.,]\d{1,2})?\s*(?:ldm|lm|л\.м\.|mb)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CargoQuantity();

    [GeneratedRegex(@"\b(?:tautliner|curtainsider|plane|planensattel\w*|koffer|kühlkoffer|frigo|reefer|chłodni\w*|plandek\w*|firan\w*|mega\w*|jumbo|sprinter|bus|platform\w*|platforma|bâch\w*|centinat\w*|telonat\w*|lona|plachta|ponyv\w*|prelat\w*|cistern\w*|cysterna|tanker|тент\w*|хладил\w*|цистерн\w*|container|kontener|box)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex VehicleWord();

    [GeneratedRegex(@"\b(?:\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}|\d{1,2}\.\s+\p{L}{3,}|\d{1,2}\s+\p{L}{3,}\s|kw\s*\d{1,2}|asap)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DateWord();

    [GeneratedRegex(@"\b(?:confirm(?:ed|ing)?|bestätig\w*|potwierdz\w*|potwierdzam\w*|confirm[ée]\w*|conferm\w*|confirmad\w*|confirmo|potvrzuj\w*|potvrzen\w*|visszaigazol\w*|confirmăm|потвърждав\w*|bevestig\w*|thanks|thank\s+you|danke|dziękuj\w*|merci|grazie|gracias|děkuj\w*|köszön\w*|mulțumesc|благодаря|noted|passt|received|erhalten|otrzymal\w*|reçu|ricevut\w*|recibid\w*|obdržel\w*|regs?\b|kennzeichen|plates?|driver|fahrer|kierowca|chauffeur|autista|conductor|řidič|sofőr|șofer|шофьор|status|ETA\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ReplyAcknowledgement();

    [GeneratedRegex(@"\b(?:price|rate|preis|frachtpreis|fracht|stawka|cena|prix|prezzo|nolo|precio|tarief|fuvardíj|preț|pret|цена)\b|\d\s*(?:€|EUR|PLN|zł|лв|евро|Kč|CZK|HUF|Ft|RON|lei|GBP|£|CHF)|(?:€|£|EUR)\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PriceMention();
}
