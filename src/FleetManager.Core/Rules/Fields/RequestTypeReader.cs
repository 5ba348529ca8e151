using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Tells a booking from a price enquiry and from a freight-exchange load offer. Exchange
/// notifications (search agents, "new loads matching your filter", an offer id per entry) are load
/// offers; a request to name a price is a quote request; any other order naming the transport is a booking.
/// </summary>
public static partial class RequestTypeReader
{
    public static RequestType Read(string documentText, string? subject, FieldBlock block)
        => Read(subject, block, IsExchangeNotification(documentText));

    /// <summary>
    /// As <see cref="Read(string, string?, FieldBlock)"/> with <see cref="IsExchangeNotification"/>
    /// already known, so a caller that needs it too scans the whole document only once.
    /// </summary>
    public static RequestType Read(string? subject, FieldBlock block, bool exchangeNotification)
    {
        if (exchangeNotification)
        {
            return RequestType.LoadOffer;
        }

        var blockText = block.Span;
        var quoteInSubject = subject is not null && (IsQuoteRequest(subject) || VocabularyMatchers.QuoteRequest.IsInText(subject));
        var quoteInBody = IsQuoteRequest(blockText) || VocabularyMatchers.QuoteRequestInBody.IsInText(blockText);
        if (quoteInSubject || (quoteInBody && !FirmBooking().IsMatch(blockText)))
        {
            return RequestType.QuoteRequest;
        }

        // A load offered as such in the subject or the block's opening words ("Încărcătură disponibilă: Oradea → Budapest,
        // 24 t, 650 EUR"): a one-line offer is a load offer (order-format.md) though no exchange sent it.
        if ((subject is not null && VocabularyMatchers.LoadOffer.IsInText(subject)) || OpensWithOffer(block))
        {
            return RequestType.LoadOffer;
        }

        return RequestType.Booking;
    }

    /// <summary>True when the first line with text of the block's own text (after the subject) starts with a load-offer phrase.</summary>
    private static bool OpensWithOffer(FieldBlock block)
    {
        var text = block.Text.AsSpan(Math.Min(block.OwnStart, block.End)..block.End).TrimStart();
        var lineEnd = text.IndexOf('\n');
        return VocabularyMatchers.LoadOffer.Opens(TextFold.Fold(lineEnd < 0 ? text : text[..lineEnd]));
    }

    /// <summary>True for a freight exchange's notification of load offers (not its newsletter).</summary>
    public static bool IsExchangeNotification(string documentText) => Alert(documentText).Exchange;

    /// <summary>
    /// True when the text uses a freight exchange's alert wording ("Neue Frachtangebote", "new loads", a file's
    /// <c>exchange.notice</c>), whether or not its entries carry an offer id.
    /// </summary>
    public static bool HasExchangeNotice(string documentText) => Alert(documentText).Notice;

    /// <summary>Whether the text has an alert's wording (<c>Notice</c>) and, with it, an entry's label (<c>Exchange</c>).</summary>
    private static (bool Notice, bool Exchange) Alert(string documentText)
    {
        // Asked once per order block of the same document; the last document's answer is kept per thread.
        if (ReferenceEquals(t_alertText, documentText))
        {
            return t_alert;
        }

        // The patterns' words, else the alert wording and entry labels of the language files (for the languages the
        // patterns lack); the text is folded only when a pattern leaves it open.
        // Each pattern runs at most once: with the notice found, a failed entry pattern is not tried again.
        var patternNotice = ExchangeNotification().IsMatch(documentText);
        var notice = patternNotice;
        var exchange = notice && OfferEntry().IsMatch(documentText);
        if (!exchange && VocabularyMatchers.ExchangeNotice.Count > 0)
        {
            var folded = TextFold.Fold(documentText);
            notice = notice || VocabularyMatchers.ExchangeNotice.IsIn(folded);
            exchange = notice && ((!patternNotice && OfferEntry().IsMatch(documentText)) || VocabularyMatchers.ExchangeEntry.IsIn(folded));
        }

        (t_alertText, t_alert) = (documentText, (notice, exchange));
        return t_alert;
    }

    [ThreadStatic]
    private static string? t_alertText;

    [ThreadStatic]
    private static (bool Notice, bool Exchange) t_alert;

    [GeneratedRegex(@"\b(?:such(?:agent|auftrag)\w*|search\s+agent|saved\s+search|frachtangebot\w*|ladungsangebot\w*|neue\s+(?:ladungen|frachten|angebote)|new\s+(?:loads|load\s+offers|freight\s+offers)|load\s+offers?|nowe\s+ładunki|nowe\s+ladunki|pasując\w*\s+do\s+(?:twojego\s+)?filtr\w*|filtr\w*\s+„|nouvelles\s+offres\s+de\s+fret|nuove\s+offerte\s+di\s+carico|nuevas\s+cargas|nové\s+náklady|új\s+rakomány\w*|oferte\s+noi\s+de\s+marf|нови\s+товари|yeni\s+yük)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExchangeNotification();

    [GeneratedRegex(@"\b(?:angebots?-?\s?(?:id|nr\.?|nummer)|oferta\s+nr|offer\s+(?:id|no)|load\s+id|ladungs-?id|n°\s+offre|id\s+offerta|ID\s+oferta|nabídka\s+č|id\s+nabídky|ajánlat\s+az|anbieter|zleceniodawca|posted\s+by)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfferEntry();

    /// <summary>
    /// True when the text asks for a price. The vocabulary is one alternation split in two patterns
    /// (English, German, French, Dutch, Spanish, Italian; then Polish, Czech, Hungarian, Romanian,
    /// Bulgarian, Turkish, Lithuanian): "A or B matches" is exactly "A|B matches", and two mid-sized
    /// source-generated matchers cost the JIT much less than one large one.
    /// </summary>
    private static bool IsQuoteRequest(ReadOnlySpan<char> text)
        => (WesternQuoteWords.MayContain(text) && QuoteRequestWestern().IsMatch(text))
            || (EasternQuoteWords.MayContain(text) && QuoteRequestEastern().IsMatch(text));

    /// <summary>A word every <see cref="QuoteRequestWestern"/> match contains (one per alternative, e.g. "anfrage" of "Anfrage für").</summary>
    private static readonly KeywordSet WesternQuoteWords = new(
        "quot", "rfq", "price", "request", "your", "anfrage", "bitte", "preis", "cotation", "devis", "offre", "prix", "prijs",
        "offerteaanvraag", "tarief", "solicitud", "presupuesto", "precio", "cotizaci", "preventivo", "richiesta", "offerta");

    /// <summary>A word every <see cref="QuoteRequestEastern"/> match contains (one per alternative, e.g. "wycen" of "wycena").</summary>
    private static readonly KeywordSet EasternQuoteWords = new(
        "zapytanie", "prośba", "wycen", "proszę", "poptávk", "nabídk", "prosím", "ajánlat", "ofert", "запитване", "оферта",
        "teklif", "pasiūlym");

    [GeneratedRegex(@"\b(?:quot(?:e|ation)s?\b(?!\s+(?:it\b|this\s+(?:ref|number|order)|our\s+ref|the\s+(?:ref|order|booking|load)|ref\w*|on\s+(?:your|the)\s+invoice))|rfq\b|price\s+(?:request|enquiry|inquiry)|request\s+for\s+(?:a\s+)?(?:quote|price|rate)|your\s+(?:best\s+)?(?:price|rate|offer)\s+for|preisanfrage|angebotsanfrage|bitte\s+um\s+(?:ihr\s+)?(?:angebot|preis)|(?:ihr(?:en)?|einen)\s+(?:besten\s+)?preis\s+(?:für|nennen)|anfrage\s+für|cotation|devis|meilleure\s+offre|votre\s+(?:meilleur\s+)?prix|prix\s+ferme|prijsaanvraag|prijsopgave|offerteaanvraag|uw\s+tarief|solicitud\s+de\s+(?:precio|presupuesto|cotización)|presupuesto|necesitamos\s+precio|cotizaci[óo]n|nos\s+podr[íi]an\s+indicar\s+precio|preventivo|quotazione|richiesta\s+(?:di\s+)?(?:offerta|prezzo|quotazione)|vostra\s+migliore\s+offerta)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteRequestWestern();

    [GeneratedRegex(@"\b(?:zapytanie\s+(?:ofertowe|o\s+(?:cenę|wycenę))|prośba\s+o\s+(?:wycenę|ofertę)|wycen\w*|proszę\s+o\s+(?:cenę|ofertę|wycenę)|poptávk\w*|cenov\w+\s+nabídk\w*|prosím\s+o\s+(?:cenu|nabídku)|árajánlat\w*|ajánlatkérés|ajánlatot\s+kér\w*|cerere\s+de\s+ofert\w*|ofert\w*\s+de\s+pre[țţt]|vă\s+rugăm\s+(?:să\s+)?(?:ne\s+)?(?:trimite[țţt]i\s+)?(?:o\s+)?ofert\w*|запитване|ценова\s+оферта|моля\s+за\s+оферта|fiyat\s+teklifi|teklif\s+(?:isteği|talebi)|kainos\s+pasiūlym\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteRequestEastern();

    [GeneratedRegex(@"\b(?:please\s+book|we\s+book|booking\s+(?:ref|no|confirmation)|beauftragen\s+wir|erteilen\s+wir|hiermit\s+beauftragen|zlecamy|zlecenie\s+nr|confermiamo\s+l['’]incarico|vi\s+affidiamo|os\s+confirmamos\s+la\s+carga|objednáváme|megrendel\w*|vă\s+transmitem\s+comanda|потвърдете\s+следн\w*|agreed\s+rate|prix\s+convenu|prezzo\s+concordato|nolo\s+concordato|vereinbarte[rn]?\s+(?:fest)?preis)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirmBooking();
}
