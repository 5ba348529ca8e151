using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FleetManager.Tests.EndToEnd;

/// <summary>
/// A dispatcher's mailbox written by the test from its own templates (German, English, Polish and
/// French orders, an HTML order in base64, weekly plans with several orders, freight-exchange digests
/// sent as bulk mail, invoices, tracking updates, newsletters with <c>List-Unsubscribe</c>, out-of-office
/// replies, and a few messages a model refuses). Every message knows its truth: the answer a perfect
/// model gives and the orders it holds. Deterministic for a seed.
/// </summary>
internal static class GeneratedMailbox
{
    private sealed record Place(string PostalCode, string City, string Country, string Street);

    private static readonly Place[] Places =
    [
        new("80331", "München", "DE", "Sendlinger Straße 12"),
        new("85386", "Eching", "DE", "Industriestraße 14"),
        new("20095", "Hamburg", "DE", "Spitalerstraße 3"),
        new("04109", "Leipzig", "DE", "Hainstraße 8"),
        new("50667", "Köln", "DE", "Hohe Straße 41"),
        new("02-672", "Warszawa", "PL", "ul. Domaniewska 39"),
        new("92-412", "Łódź", "PL", "ul. Rokicińska 160"),
        new("61-248", "Poznań", "PL", "ul. Szwedzka 10"),
        new("69007", "Lyon", "FR", "12 rue de Gerland"),
        new("59000", "Lille", "FR", "4 rue Nationale"),
        new("619 00", "Brno", "CZ", "Vídeňská 99"),
        new("20121", "Milano", "IT", "Via Manzoni 7"),
        new("3011", "Rotterdam", "NL", "Coolsingel 40"),
    ];

    private static readonly string[] Customers =
    [
        "Alpenland Spedition GmbH", "Nordwind Logistik KG", "Baltic Cargo Sp. z o.o.", "Transports Rhône SARL",
        "Northgate Freight Services Ltd", "Vistula Trans Sp. z o.o.", "Hanse Fracht GmbH", "Moravia Transport s.r.o.",
    ];

    private static readonly string[] People = ["Petra Maier", "Jan Kowalski", "Claire Dubois", "Gary Whitfield", "Anna Nowak", "Thomas Weber"];

    private static readonly (string Kind, int Count)[] Mix =
    [
        ("order-de", 30), ("order-en", 25), ("order-pl", 20), ("order-fr", 12), ("order-html", 12),
        ("plan-de", 14), ("digest", 8), ("invoice", 14), ("tracking", 12), ("newsletter", 30),
        ("auto-reply", 20), ("blocked", 3),
    ];

    /// <summary>Writes the mailbox: <see cref="Mix"/> (200 messages) in a shuffled order, Message-IDs starting with <paramref name="idPrefix"/>.</summary>
    public static IReadOnlyList<GeneratedMessage> Create(int seed, string idPrefix)
    {
        var random = new Random(seed);
        var kinds = Mix.SelectMany(m => Enumerable.Repeat(m.Kind, m.Count)).ToArray();
        random.Shuffle(kinds);
        var messages = new List<GeneratedMessage>(kinds.Length);
        for (var i = 0; i < kinds.Length; i++)
        {
            messages.Add(Write(kinds[i], i, idPrefix, random));
        }

        return messages;
    }

    private static GeneratedMessage Write(string kind, int n, string idPrefix, Random random)
    {
        var messageId = string.Create(CultureInfo.InvariantCulture, $"<{idPrefix}-{n:000}-{kind}@mail.example.com>");
        var date = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1)).AddMinutes(n * 7);
        switch (kind)
        {
            case "order-de":
            case "order-en":
            case "order-pl":
            case "order-fr":
            case "order-html":
            {
                var order = NewOrder(messageId, 0, random, date, kind == "order-html" ? "EN" : kind[^2..].ToUpperInvariant());
                var (subject, body) = SingleOrderText(kind, order);
                var raw = kind switch
                {
                    "order-html" => Mime(messageId, date, order.Sender, subject, Html(body), "text/html; charset=utf-8", "base64"),
                    "order-fr" => Mime(messageId, date, order.Sender, subject, body, "text/plain; charset=utf-8", "quoted-printable"),
                    _ => Mime(messageId, date, order.Sender, subject, body, "text/plain; charset=utf-8", "8bit"),
                };
                return new GeneratedMessage(messageId, kind, raw, Answer("order", [order]), [order.Truth], PreFiltered: false, Bulk: false);
            }

            case "plan-de":
            {
                var count = 2 + random.Next(2);
                var customer = Customers[random.Next(Customers.Length)];
                var orders = Enumerable.Range(0, count).Select(i => NewOrder(messageId, i, random, date, "DE", customer)).ToList();
                var body = new StringBuilder("Hallo zusammen,\n\nanbei unsere Planung für nächste Woche, bitte alle Touren bestätigen.\n\n");
                foreach (var o in orders)
                {
                    body.Append(CultureInfo.InvariantCulture, $"Tour {o.Truth.Index + 1}, Auftrag {o.Truth.ReferenceNumber}\n")
                        .Append(CultureInfo.InvariantCulture, $"Beladung: {o.Loading.Street}, {o.Loading.PostalCode} {o.Loading.City}, {o.LoadingDate:dd.MM.yyyy} ab 07:00 Uhr\n")
                        .Append(CultureInfo.InvariantCulture, $"Entladung: {o.Unloading.Street}, {o.Unloading.PostalCode} {o.Unloading.City}, {o.UnloadingDate:dd.MM.yyyy}\n")
                        .Append(CultureInfo.InvariantCulture, $"{o.Pallets} Paletten, {o.Truth.WeightKg:0} kg, Planensattel, {o.Price} EUR\n\n");
                }

                body.Append(CultureInfo.InvariantCulture, $"Gruß\n{orders[0].Contact}\n{customer}\n");
                var raw = Mime(messageId, date, orders[0].Sender, "Wochenplanung KW 49 / " + customer, body.ToString(), "text/plain; charset=utf-8", "8bit");
                return new GeneratedMessage(messageId, kind, raw, Answer("order", orders), [.. orders.Select(o => o.Truth)], PreFiltered: false, Bulk: false);
            }

            case "digest":
            {
                var orders = Enumerable.Range(0, 3).Select(i => NewOrder(messageId, i, random, date, "EN", requestType: "load_offer")).ToList();
                var body = new StringBuilder("New loads matching your search profile:\n\n");
                foreach (var o in orders)
                {
                    body.Append(CultureInfo.InvariantCulture,
                        $"{o.Loading.Country}-{o.Loading.PostalCode} {o.Loading.City} -> {o.Unloading.Country}-{o.Unloading.PostalCode} {o.Unloading.City} | {o.LoadingDate:dd.MM.} | {o.Truth.WeightKg / 1000m:0.#} t | tautliner | {o.Price} EUR | {o.Truth.Customer} | ID {o.Truth.ReferenceNumber}\n");
                }

                body.Append("\nYou receive these offers because of your saved search. Unsubscribe in your profile.\n");
                var raw = Mime(messageId, date, "Load Exchange <offers@loads.example.net>", "3 new loads for you", body.ToString(), "text/plain; charset=utf-8", "8bit",
                    ("List-Unsubscribe", "<mailto:unsubscribe@loads.example.net>"), ("List-Id", "<offers.loads.example.net>"), ("Precedence", "bulk"));
                return new GeneratedMessage(messageId, kind, raw, Answer("order", orders), [.. orders.Select(o => o.Truth)], PreFiltered: false, Bulk: true);
            }

            case "invoice":
            {
                var number = string.Create(CultureInfo.InvariantCulture, $"RE-2026-{4000 + n}");
                var body = $"Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere Rechnung {number} für die Transporte im November.\n" +
                    $"Rechnungsbetrag: {1000 + random.Next(4000)},00 EUR, zahlbar bis 23.12.2026.\n\nMit freundlichen Grüßen\nBuchhaltung\n{Customers[random.Next(Customers.Length)]}\n";
                var raw = Mime(messageId, date, "Buchhaltung <billing@invoices.example.de>", "Rechnung " + number, body, "text/plain; charset=utf-8", "8bit");
                return new GeneratedMessage(messageId, kind, raw, Answer("invoice", []), [], PreFiltered: false, Bulk: false);
            }

            case "tracking":
            {
                var body = $"Hello,\n\nyour shipment TRK{70000 + n} was handed over to the consignee this morning; the signed CMR follows by post.\n\nKind regards\nCustomer service\n";
                var raw = Mime(messageId, date, "Service <service@carrier.example.com>", $"Status update TRK{70000 + n}", body, "text/plain; charset=utf-8", "7bit");
                return new GeneratedMessage(messageId, kind, raw, Answer("other", []), [], PreFiltered: false, Bulk: false);
            }

            case "newsletter":
            {
                var body = "Dear partners,\n\nthis month our new cross-dock in Poznań opened its doors, and our fuel surcharge for December is 12.5 %.\n" +
                    "Meet our team at the trade fair in Munich, hall B2.\n\nRead more on our website.\nYou receive this newsletter because you subscribed to it.\n";
                var raw = Mime(messageId, date, "Trans News <news@newsletter.example.org>", "Trans News, issue " + (n % 12 + 1).ToString(CultureInfo.InvariantCulture), body, "text/plain; charset=utf-8", "8bit",
                    ("List-Unsubscribe", "<https://newsletter.example.org/u?id=" + n.ToString(CultureInfo.InvariantCulture) + ">, <mailto:leave@newsletter.example.org>"),
                    ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
                return new GeneratedMessage(messageId, kind, raw, Answer("other", []), [], PreFiltered: true, Bulk: true);
            }

            case "auto-reply":
            {
                var body = "Vielen Dank für Ihre Nachricht. Ich bin bis zum 30.11. nicht im Büro und habe keinen Zugriff auf meine E-Mails.\n";
                var raw = Mime(messageId, date, "Klaus Berger <k.berger@forwarder.example.de>", "Abwesenheitsnotiz: Re: Anfrage", body, "text/plain; charset=utf-8", "8bit",
                    ("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"));
                return new GeneratedMessage(messageId, kind, raw, Answer("other", []), [], PreFiltered: true, Bulk: false);
            }

            case "blocked":
            {
                var body = "Dear friend,\n\nI have a business proposal of great mutual benefit. Reply with your bank details.\n";
                var raw = Mime(messageId, date, "Mr. X <x@proposal.example.net>", "Urgent business proposal", body, "text/plain; charset=utf-8", "7bit");
                return new GeneratedMessage(messageId, kind, raw, null, [], PreFiltered: false, Bulk: false);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown template");
        }
    }

    private static (string Subject, string Body) SingleOrderText(string kind, OrderDraft o) => kind switch
    {
        "order-de" => ($"Transportauftrag {o.Truth.ReferenceNumber}",
            $"Sehr geehrte Damen und Herren,\n\nhiermit beauftragen wir Sie mit folgendem Transport:\n\nAuftragsnummer: {o.Truth.ReferenceNumber}\n" +
            $"Beladung: {o.Loading.Street}, {o.Loading.PostalCode} {o.Loading.City}, {o.LoadingDate:dd.MM.yyyy} 08:00-14:00 Uhr\n" +
            $"Entladung: {o.Unloading.Street}, {o.Unloading.PostalCode} {o.Unloading.City}, {o.UnloadingDate:dd.MM.yyyy}\n" +
            $"Ware: {o.Pallets} Europaletten, {o.Truth.WeightKg:0} kg\nFahrzeug: Planensattel\nFrachtpreis: {o.Price},00 EUR\n\nMit freundlichen Grüßen\n{o.Contact}\n{o.Truth.Customer}\n"),
        "order-en" or "order-html" => ($"Transport order {o.Truth.ReferenceNumber}",
            $"Hello,\n\nplease confirm the following transport order.\n\nOrder no.: {o.Truth.ReferenceNumber}\n" +
            $"Loading: {o.Loading.Street}, {o.Loading.PostalCode} {o.Loading.City}, {o.LoadingDate:d MMMM yyyy} 08:00-14:00\n" +
            $"Unloading: {o.Unloading.Street}, {o.Unloading.PostalCode} {o.Unloading.City}, {o.UnloadingDate:d MMMM yyyy}\n" +
            $"Goods: {o.Pallets} pallets, {o.Truth.WeightKg:0} kg\nTruck: curtainsider\nRate: EUR {o.Price}\n\nBest regards\n{o.Contact}\n{o.Truth.Customer}\n"),
        "order-pl" => ($"Zlecenie transportowe nr {o.Truth.ReferenceNumber}",
            $"Dzień dobry,\n\nzlecamy przewóz:\n\nNr zlecenia: {o.Truth.ReferenceNumber}\n" +
            $"Załadunek: {o.Loading.Street}, {o.Loading.PostalCode} {o.Loading.City}, {o.LoadingDate:dd.MM.yyyy} 08:00-14:00\n" +
            $"Rozładunek: {o.Unloading.Street}, {o.Unloading.PostalCode} {o.Unloading.City}, {o.UnloadingDate:dd.MM.yyyy}\n" +
            $"Towar: {o.Pallets} palet, {o.Truth.WeightKg:0} kg\nAuto: plandeka\nFracht: {o.Price} EUR\n\nPozdrawiam\n{o.Contact}\n{o.Truth.Customer}\n"),
        "order-fr" => ($"Ordre de transport {o.Truth.ReferenceNumber}",
            $"Bonjour,\n\nmerci de prendre en charge le transport suivant :\n\nRéférence : {o.Truth.ReferenceNumber}\n" +
            $"Chargement : {o.Loading.Street}, {o.Loading.PostalCode} {o.Loading.City}, le {o.LoadingDate:dd/MM/yyyy} de 08h00 à 14h00\n" +
            $"Livraison : {o.Unloading.Street}, {o.Unloading.PostalCode} {o.Unloading.City}, le {o.UnloadingDate:dd/MM/yyyy}\n" +
            $"Marchandise : {o.Pallets} palettes, {o.Truth.WeightKg:0} kg\nVéhicule : tautliner\nPrix : {o.Price} EUR\n\nCordialement\n{o.Contact}\n{o.Truth.Customer}\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Html(string text)
    {
        var rows = text.Split('\n').Select(line => "<tr><td>" + System.Net.WebUtility.HtmlEncode(line) + "</td></tr>");
        return "<html><body><table>" + string.Join("", rows) + "</table></body></html>";
    }

    private sealed record OrderDraft(GeneratedOrder Truth, Place Loading, Place Unloading, DateOnly LoadingDate, DateOnly UnloadingDate, int Pallets, int Price, string Contact, string Sender, string RequestType);

    private static OrderDraft NewOrder(string messageId, int index, Random random, DateTimeOffset sent, string language, string? customer = null, string requestType = "booking")
    {
        var loading = Places[random.Next(Places.Length)];
        Place unloading;
        do
        {
            unloading = Places[random.Next(Places.Length)];
        }
        while (unloading == loading);

        customer ??= Customers[random.Next(Customers.Length)];
        var prefix = language switch { "DE" => "TA", "PL" => "ZL", "FR" => "OT", _ => "TO" };
        var reference = string.Create(CultureInfo.InvariantCulture, $"{prefix}-2026-{random.Next(10000, 99999)}");
        var loadingDate = DateOnly.FromDateTime(sent.Date).AddDays(3 + random.Next(10));
        var pallets = 10 + random.Next(24);
        var weight = (decimal)(pallets * (400 + random.Next(300)));
        var contact = People[random.Next(People.Length)];
        var sender = $"{contact} <{contact.Split(' ')[0].ToLowerInvariant()}@{customer.Split(' ')[0].ToLowerInvariant()}.example.com>";
        var truth = new GeneratedOrder(messageId, index, reference, customer, loading.PostalCode, loading.City, unloading.PostalCode, unloading.City, weight);
        return new OrderDraft(truth, loading, unloading, loadingDate, loadingDate.AddDays(1 + random.Next(3)), pallets, 600 + (random.Next(40) * 25), contact, sender, requestType);
    }

    /// <summary>The answer a perfect model gives, in the schema the readers ask for.</summary>
    private static string Answer(string classification, IReadOnlyList<OrderDraft> orders)
    {
        var list = new JsonArray();
        foreach (var o in orders)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["request_type"] = o.RequestType,
                ["reference_number"] = o.Truth.ReferenceNumber,
                ["customer"] = o.Truth.Customer,
                ["stops"] = new JsonArray(Stop("loading", o.Loading, o.LoadingDate, "08:00", "14:00"), Stop("unloading", o.Unloading, o.UnloadingDate, null, null)),
                ["cargo_description"] = string.Create(CultureInfo.InvariantCulture, $"{o.Pallets} pallets"),
                ["weight_kg"] = o.Truth.WeightKg,
                ["pallets"] = o.Pallets,
                ["loading_meters"] = null,
                ["vehicle_type"] = "tautliner",
                ["adr"] = null,
                ["temperature_min_c"] = null,
                ["temperature_max_c"] = null,
                ["price"] = new JsonObject { ["amount"] = o.Price, ["currency"] = "EUR" },
                ["special_requirements"] = null,
                ["contact"] = new JsonObject { ["name"] = o.Contact, ["phone"] = null, ["email"] = null },
            });
        }

        return new JsonObject { ["classification"] = classification, ["orders"] = list }.ToJsonString();
    }

    private static JsonObject Stop(string type, Place place, DateOnly date, string? from, string? to) => new()
    {
        ["type"] = type,
        ["company"] = null,
        ["address"] = $"{place.Street}, {place.PostalCode} {place.City}",
        ["postal_code"] = place.PostalCode,
        ["city"] = place.City,
        ["country"] = place.Country,
        ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["time_from"] = from,
        ["time_to"] = to,
    };

    private static byte[] Mime(string messageId, DateTimeOffset date, string from, string subject, string body, string contentType, string encoding, params (string Name, string Value)[] extraHeaders)
    {
        var text = new StringBuilder()
            .Append("From: ").Append(from).Append("\r\n")
            .Append("To: Dispatch <dispatch@example.com>\r\n")
            .Append("Subject: ").Append(EncodeHeader(subject)).Append("\r\n")
            .Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)).Append(date.Offset < TimeSpan.Zero ? '-' : '+').Append(date.Offset.ToString("hhmm", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: ").Append(messageId).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n");
        foreach (var (name, value) in extraHeaders)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Transfer-Encoding: ").Append(encoding).Append("\r\n\r\n");
        var bytes = Encoding.UTF8.GetBytes(body.Replace("\n", "\r\n", StringComparison.Ordinal));
        text.Append(encoding switch
        {
            "base64" => string.Join("\r\n", Convert.ToBase64String(bytes).Chunk(76).Select(c => new string(c))) + "\r\n",
            "quoted-printable" => QuotedPrintable(bytes),
            _ => body.Replace("\n", "\r\n", StringComparison.Ordinal),
        });
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string EncodeHeader(string value) =>
        value.All(c => c < 128) ? value : "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";

    /// <summary>Quoted-printable with soft line breaks; CRLF pairs stay hard line breaks.</summary>
    private static string QuotedPrintable(byte[] bytes)
    {
        var output = new StringBuilder();
        var lineLength = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n')
            {
                output.Append("\r\n");
                lineLength = 0;
                i++;
                continue;
            }

            var token = b is >= 33 and <= 126 and not (byte)'=' || b == ' ' ? ((char)b).ToString() : "=" + b.ToString("X2", CultureInfo.InvariantCulture);
            if (lineLength + token.Length > 73)
            {
                output.Append("=\r\n");
                lineLength = 0;
            }

            output.Append(token);
            lineLength += token.Length;
        }

        return output.Append("\r\n").ToString();
    }
}
