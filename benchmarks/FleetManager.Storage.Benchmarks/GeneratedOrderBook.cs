using System.Globalization;
using System.Text;
using FleetManager.Core.Model;

namespace FleetManager.Storage.Benchmarks;

/// <summary>
/// A large order book written through the store's own commit path (<see cref="IOrderStore.CommitBatch"/>), for the
/// dashboard benchmark: importing 140,000 generated messages through the reader takes many minutes on a shared 2-core
/// machine, while the list's cost depends only on the rows the store holds. The orders are varied the way a real book
/// is: companies and places in Latin, Greek, Cyrillic and Turkish spellings over 14 countries, cargo in several
/// languages, dates over a year, a share with missing fields, low confidence or stops without coordinates. Order
/// <c>i</c> comes from its own <see cref="Random"/>, so a book is the same for the same count.
/// </summary>
public static class GeneratedOrderBook
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 7, 0, 0, TimeSpan.Zero);

    private static readonly (string City, string Postal, string Country, string Street, double Lat, double Lon)[] Places =
    [
        ("Hamburg", "20457", "DE", "Am Sandtorkai 37", 53.54, 9.99), ("München", "80331", "DE", "Landsberger Straße 88", 48.14, 11.56),
        ("Köln", "50667", "DE", "Industriestraße 161", 50.94, 6.96), ("Düsseldorf", "40210", "DE", "Königsallee 14", 51.22, 6.78),
        ("Berlin", "10115", "DE", "Gewerbehof 3", 52.52, 13.40), ("Warszawa", "04-041", "PL", "ul. Ostrobramska 101", 52.23, 21.01),
        ("Łódź", "90-001", "PL", "ul. Piotrkowska 12", 51.76, 19.46), ("Poznań", "61-001", "PL", "ul. Głogowska 218", 52.41, 16.93),
        ("Wrocław", "50-001", "PL", "ul. Krakowska 180", 51.11, 17.03), ("Θεσσαλονίκη", "546 27", "GR", "Λεωφόρος Γεωργικής Σχολής 65", 40.64, 22.94),
        ("Αθήνα", "104 31", "GR", "Πειραιώς 150", 37.98, 23.73), ("София", "1000", "BG", "бул. Ботевградско шосе 247", 42.70, 23.32),
        ("Пловдив", "4000", "BG", "ул. Кукленско шосе 17", 42.14, 24.75), ("İstanbul", "34000", "TR", "Hadımköy Yolu Cad. 5", 41.01, 28.98),
        ("İzmir", "35000", "TR", "Kemalpaşa Caddesi 41", 38.42, 27.14), ("Brno", "602 00", "CZ", "Vídeňská 99", 49.19, 16.61),
        ("Ostrava", "702 00", "CZ", "Místecká 1111", 49.82, 18.26), ("Lyon", "69001", "FR", "Rue de la Villette 40", 45.76, 4.84),
        ("Milano", "20121", "IT", "Via Mecenate 76", 45.46, 9.19), ("Rotterdam", "3011", "NL", "Waalhaven Z.z. 21", 51.92, 4.48),
        ("Wien", "1010", "AT", "Hafenstraße 12", 48.21, 16.37), ("Київ", "01001", "UA", "вул. Промислова 4", 50.45, 30.52),
        ("Vilnius", "01100", "LT", "Savanorių pr. 178", 54.69, 25.28), ("Győr", "9021", "HU", "Ipari park 8", 47.69, 17.63),
    ];

    private static readonly string[] CompanyStems =
    [
        "Alpenland Spedition", "Nordfracht", "Müller Getränke", "Brauerei Hofmann", "Trans-Pol", "Napoje Mazowsze",
        "Αθηναϊκή Μεταφορική", "Ελληνικά Τρόφιμα", "Сибирская Логистика", "Балкан Транс", "Taşımacılık Ege", "İzmir Lojistik",
        "Rhein Cargo", "Łódź Trans", "Logistika Morava", "Transports Rhône", "Autotrasporti Lombardi", "Van der Berg Logistics",
        "Donau Frachten", "Baltic Freight", "Dunántúl Fuvar", "Schwarzwald Holz", "Żabka Polska", "Κρήτη Φρέσκο",
    ];

    private static readonly string[] CompanyForms = ["GmbH", "KG", "Sp. z o.o.", "Α.Ε.", "ООД", "A.Ş.", "s.r.o.", "SARL", "S.p.A.", "B.V.", "UAB", "Kft."];

    private static readonly string[] Cargo =
    [
        "beer in kegs, 33 pallets", "Getränke auf Europaletten", "steel coils", "Stahlrohre 12 m", "frozen fish, -18 °C",
        "Kühlware Molkereiprodukte", "paleta z napojami", "meble w kartonach", "φρέσκα φρούτα", "ελαιόλαδο σε δοχεία",
        "строительные материалы", "бутилирана вода", "tekstil ürünleri", "kuru meyve", "auto parts, ADR class 9",
        "paper rolls", "pièces détachées", "piastrelle in ceramica", "bloemen en planten", "Holzpellets lose",
    ];

    private static readonly VehicleType[] Vehicles = [VehicleType.Tautliner, VehicleType.Reefer, VehicleType.Box, VehicleType.Mega, VehicleType.Flatbed];

    /// <summary>Writes messages until the book holds at least <paramref name="orders"/> orders; returns how many it holds.</summary>
    public static async Task<int> WriteAsync(IOrderStore store, int orders, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(store);
        var written = 0;
        var batch = new List<(StoredMessage, EmailResult)>(batchSize);
        for (var index = 0; written < orders; index++)
        {
            var (message, result) = Create(index);
            written += result.Orders.Count;
            batch.Add((message, result));
            if (batch.Count == batchSize)
            {
                await store.CommitBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await store.CommitBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }

        return written;
    }

    /// <summary>The <paramref name="index"/>-th message: one order, or (every ninth) two or three.</summary>
    public static (StoredMessage Message, EmailResult Result) Create(int index)
    {
        var random = new Random(unchecked((index * 7919) + 17));
        var count = index % 9 == 8 ? 2 + random.Next(2) : 1;
        var messageId = string.Create(CultureInfo.InvariantCulture, $"<{index}.gen@dispatch.example>");
        var orders = Enumerable.Range(0, count).Select(position => Order(random, index, position)).ToList();
        var raw = Raw(messageId, orders[0]);
        var sent = Start.AddMinutes(index * 3);
        var message = new StoredMessage(
            "generated:" + index.ToString("D7", CultureInfo.InvariantCulture),
            (index % 4 == 0 ? "imap://dispatch@mail.example/INBOX/" : "folder:/mail/") + index,
            messageId, "Transport order " + orders[0].ReferenceNumber, "Dispatch <dispatch@customer.example>", sent, raw, sent.AddSeconds(5));
        return (message, new EmailResult { MessageId = messageId, Classification = Classification.Order, Orders = orders });
    }

    private static TransportOrder Order(Random random, int index, int position)
    {
        var from = Places[random.Next(Places.Length)];
        var to = Places[random.Next(Places.Length)];
        var loading = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(index / 300 + random.Next(10));
        var lowConfidence = random.Next(12) == 0;
        var missingCustomer = random.Next(25) == 0;
        var missingDate = random.Next(30) == 0;
        return new TransportOrder
        {
            RequestType = random.Next(6) == 0 ? RequestType.QuoteRequest : RequestType.Booking,
            ReferenceNumber = random.Next(3) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"TO-2026-{index:D6}-{position}"),
                1 => string.Create(CultureInfo.InvariantCulture, $"ZL/{index % 1000}/{index / 1000}/{position}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + random.Next(26))}{index * 10 + position}"),
            },
            Customer = missingCustomer ? null : Company(random),
            Stops =
            [
                Stop(random, StopType.Loading, from, missingDate ? null : loading),
                Stop(random, StopType.Unloading, to, loading.AddDays(1 + random.Next(4))),
            ],
            CargoDescription = Cargo[random.Next(Cargo.Length)],
            WeightKg = random.Next(10) == 0 ? null : 500m + random.Next(240) * 100m,
            Pallets = random.Next(1, 34),
            VehicleType = Vehicles[random.Next(Vehicles.Length)],
            Adr = random.Next(15) == 0,
            Price = random.Next(4) == 0 ? null : new Price(600m + random.Next(3000), random.Next(5) == 0 ? "PLN" : "EUR"),
            Contact = new Contact("Dispatcher " + random.Next(200), "+49 40 " + random.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture), null),
            Confidence = new OrderConfidence { Order = lowConfidence ? 0.3 + random.NextDouble() * 0.3 : 0.7 + random.NextDouble() * 0.3, Low = lowConfidence },
            Sources = new Dictionary<string, TextSpan> { ["reference_number"] = new(80, 12), ["stops[0].city"] = new(200, from.City.Length) },
        };
    }

    private static Stop Stop(Random random, StopType type, (string City, string Postal, string Country, string Street, double Lat, double Lon) place, DateOnly? date)
    {
        // One stop in fifteen was not geocoded: the map's and the review queue's "stops without coordinates".
        var located = random.Next(15) != 0;
        return new Stop
        {
            Type = type, Company = Company(random), Address = place.Street + ", " + place.Postal + " " + place.City,
            PostalCode = place.Postal, City = place.City, Country = place.Country, Date = date,
            TimeFrom = new TimeOnly(6 + random.Next(6), 0), TimeTo = new TimeOnly(12 + random.Next(6), 0),
            Latitude = located ? place.Lat + random.NextDouble() * 0.1 : null, Longitude = located ? place.Lon + random.NextDouble() * 0.1 : null,
        };
    }

    private static string Company(Random random) => CompanyStems[random.Next(CompanyStems.Length)] + " " + CompanyForms[random.Next(CompanyForms.Length)];

    private static byte[] Raw(string messageId, TransportOrder order)
    {
        var text = new StringBuilder(2048)
            .Append("Message-ID: ").Append(messageId).Append("\r\nSubject: Transport order ").Append(order.ReferenceNumber)
            .Append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nReference: ").Append(order.ReferenceNumber).Append("\r\n");
        foreach (var stop in order.Stops)
        {
            text.Append(stop.Type == StopType.Loading ? "Loading: " : "Unloading: ").Append(stop.Company).Append(", ").Append(stop.Address)
                .Append(", ").Append(stop.Country).Append(", ").Append(stop.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("Cargo: ").Append(order.CargoDescription).Append("\r\nWeight: ").Append(order.WeightKg?.ToString(CultureInfo.InvariantCulture)).Append(" kg\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
