// Benchmark workload generator: writes a synthetic mbox of N freight-company emails.
//
//   dotnet run benchmarks/generate-mbox.cs -- --count 10000 --out /tmp/bench.mbox [--seed 42]
//                                             [--manifest /tmp/bench.manifest.jsonl]
//
// The output is deterministic for a given seed and count, streams message by message (memory
// stays flat at 100,000 messages) and mixes ~15 templates: orders in several languages and
// layouts (prose, key/value, HTML tables, exchange digests, multi-stop, forwarded), quote
// requests, replies, invoices, reminders, newsletters, auto-replies, plus ~3 % malformed
// messages. Everything in it is invented; mail domains end in .example.
//
// File-based program: the repository's Directory.Build.props applies (nullable, analyzers,
// warnings as errors). It needs no packages.

// CA1861: the inline arrays are the templates' word lists, read where they are used; the generator runs once
// per benchmark, so static fields would only move the data away from its template.
#:property NoWarn=$(NoWarn);CA1861

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bench.MboxGenerator;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

GeneratorOptions options;
try
{
    options = GeneratorOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"generate-mbox: {ex.Message}");
    Console.Error.WriteLine(GeneratorOptions.Usage);
    return 2;
}
if (options.ShowHelp)
{
    Console.WriteLine(GeneratorOptions.Usage);
    return 0;
}

var stopwatch = Stopwatch.StartNew();
var perTemplate = new SortedDictionary<string, int>(StringComparer.Ordinal);
long bytesWritten;

using (var output = options.OutputPath == "-"
    ? Console.OpenStandardOutput()
    : new FileStream(options.OutputPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
using (var manifestStream = options.ManifestPath is null
    ? null
    : new FileStream(options.ManifestPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
{
    using var mbox = new MboxWriter(output);
    using var manifest = manifestStream is null ? null : new ManifestWriter(manifestStream);
    var generator = new MessageGenerator(options.Seed, options.Count, options.MalformedPercent);
    for (var i = 0; i < options.Count; i++)
    {
        var message = generator.Generate(i);
        mbox.Write(message);
        manifest?.Write(i, message);
        perTemplate[message.Template] = perTemplate.GetValueOrDefault(message.Template) + 1;
    }
    mbox.Flush();
    manifest?.Flush();
    bytesWritten = mbox.BytesWritten;
}

Console.Error.WriteLine(
    $"generate-mbox: {options.Count} messages, {bytesWritten / 1024.0 / 1024.0:F1} MiB, seed {options.Seed}, " +
    $"{stopwatch.Elapsed.TotalSeconds:F1} s -> {options.OutputPath}");
foreach (var (template, count) in perTemplate)
{
    Console.Error.WriteLine($"  {template,-28} {count,8}");
}
return 0;

namespace Bench.MboxGenerator
{
    /// <summary>Command-line options of the generator.</summary>
    internal sealed record GeneratorOptions(int Count, string OutputPath, int Seed, string? ManifestPath, double MalformedPercent, bool ShowHelp)
    {
        public const string Usage =
            "usage: dotnet run benchmarks/generate-mbox.cs -- --count N --out FILE|- [--seed 42] [--manifest FILE.jsonl] [--malformed-percent 3]";

        public static GeneratorOptions Parse(string[] args)
        {
            int? count = null;
            string? output = null;
            var seed = 42;
            string? manifest = null;
            var malformed = 3.0;
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--count" or "-n": count = ParseInt(Value(), "--count"); break;
                    case "--out" or "-o": output = Value(); break;
                    case "--seed": seed = ParseInt(Value(), "--seed"); break;
                    case "--manifest": manifest = Value(); break;
                    case "--malformed-percent":
                        malformed = double.TryParse(Value(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) && m is >= 0 and <= 100
                            ? m : throw new ArgumentException("--malformed-percent must be a number from 0 to 100");
                        break;
                    case "--help" or "-h": return new GeneratorOptions(0, "-", seed, null, malformed, ShowHelp: true);
                    default: throw new ArgumentException($"unknown argument '{args[i]}'");
                }
            }
            if (count is null or < 0) throw new ArgumentException("--count N (N >= 0) is required");
            if (string.IsNullOrEmpty(output)) throw new ArgumentException("--out FILE is required (use - for stdout)");
            return new GeneratorOptions(count.Value, output, seed, manifest, malformed, ShowHelp: false);
        }

        private static int ParseInt(string text, string name) =>
            int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
                ? v : throw new ArgumentException($"{name} must be an integer");
    }

    /// <summary>One generated message: its raw RFC 822 bytes and what a reader should make of it.</summary>
    /// <param name="Classification">The intended classification, or null for a malformed message.</param>
    /// <param name="OrderCount">How many orders the message holds.</param>
    internal sealed record GeneratedMessage(
        string Template, string? MessageId, string EnvelopeSender, DateTimeOffset Date,
        string? Classification, int OrderCount, byte[] Bytes);

    /// <summary>
    /// Writes messages in mboxrd form: a From_ separator line per message, every body line that
    /// starts with zero or more '>' and "From " gets one more '>', a blank line after each message.
    /// </summary>
    internal sealed class MboxWriter(Stream output) : IDisposable
    {
        private static readonly string[] Weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        private readonly BufferedStream _out = new(output, 1 << 16);

        public long BytesWritten { get; private set; }

        public void Write(GeneratedMessage message)
        {
            var d = message.Date.UtcDateTime;
            // asctime() layout with a space-padded day, as written by procmail and mutt.
            var separator = $"From {message.EnvelopeSender} {Weekdays[(int)d.DayOfWeek]} {Months[d.Month - 1]} {d.Day,2} {d:HH:mm:ss} {d.Year}\n";
            WriteAscii(separator);

            var bytes = message.Bytes;
            var lineStart = 0;
            while (lineStart < bytes.Length)
            {
                var newline = Array.IndexOf(bytes, (byte)'\n', lineStart);
                var lineEnd = newline < 0 ? bytes.Length : newline + 1;
                if (NeedsEscape(bytes, lineStart, lineEnd))
                {
                    _out.WriteByte((byte)'>');
                    BytesWritten++;
                }
                _out.Write(bytes, lineStart, lineEnd - lineStart);
                BytesWritten += lineEnd - lineStart;
                lineStart = lineEnd;
            }
            if (bytes.Length == 0 || bytes[^1] != (byte)'\n') WriteAscii("\n");
            WriteAscii("\n");
        }

        public void Flush() => _out.Flush();

        public void Dispose() => _out.Dispose();

        private static bool NeedsEscape(byte[] b, int start, int end)
        {
            var i = start;
            while (i < end && b[i] == (byte)'>') i++;
            return end - i >= 5 && b[i] == (byte)'F' && b[i + 1] == (byte)'r' && b[i + 2] == (byte)'o' && b[i + 3] == (byte)'m' && b[i + 4] == (byte)' ';
        }

        private void WriteAscii(string s)
        {
            var bytes = Encoding.ASCII.GetBytes(s);
            _out.Write(bytes);
            BytesWritten += bytes.Length;
        }
    }

    /// <summary>Optional JSONL manifest: one line per message with the intended classification, for benchmark checks.</summary>
    internal sealed class ManifestWriter : IDisposable
    {
        private static readonly byte[] Newline = "\n"u8.ToArray();
        private readonly BufferedStream _buffer;
        private readonly Utf8JsonWriter _json;

        public ManifestWriter(Stream output)
        {
            _buffer = new BufferedStream(output, 1 << 16);
            // Relaxed escaping keeps '<' and '>' of Message-IDs readable; the file is never embedded in HTML.
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public void Write(int index, GeneratedMessage message)
        {
            _json.WriteStartObject();
            _json.WriteNumber("index", index);
            _json.WriteString("message_id", message.MessageId);
            _json.WriteString("template", message.Template);
            _json.WriteString("classification", message.Classification);
            _json.WriteNumber("orders", message.OrderCount);
            _json.WriteEndObject();
            _json.Flush();
            _json.Reset();
            _buffer.Write(Newline);
        }

        public void Flush()
        {
            _json.Flush();
            _buffer.Flush();
        }

        public void Dispose()
        {
            _json.Dispose();
            _buffer.Dispose();
        }
    }

    /// <summary>Builds message <c>i</c> of the workload; message i depends only on (seed, i, count).</summary>
    internal sealed class MessageGenerator(int seed, int count, double malformedPercent)
    {
        // The mailbox spans most of 2026 so Date headers and year-less stop dates look like a real year of mail.
        private static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Span = TimeSpan.FromDays(350);

        private static readonly (Func<MessageContext, GeneratedMessage> Build, int Weight)[] Templates =
        [
            (OrderTemplates.EnglishProse, 9),
            (OrderTemplates.GermanKeyValue, 10),
            (OrderTemplates.PolishOrder, 9),
            (OrderTemplates.FrenchOrder, 6),
            (OrderTemplates.ItalianHtmlTable, 6),
            (OrderTemplates.SpanishQuoteRequest, 5),
            (OrderTemplates.CzechMultiStop, 5),
            (OrderTemplates.BulgarianOrder, 4),
            (OrderTemplates.DutchExchangeDigest, 6),
            (OrderTemplates.RomanianForwarded, 4),
            (OtherTemplates.ReplyConfirmation, 8),
            (OtherTemplates.InvoiceWithPdf, 6),
            (OtherTemplates.PaymentReminder, 4),
            (OtherTemplates.OutOfOffice, 6),
            (OtherTemplates.Newsletter, 6),
            (OtherTemplates.TrackingUpdate, 6),
        ];

        private static readonly int TotalWeight = Templates.Sum(t => t.Weight);

        public GeneratedMessage Generate(int index)
        {
            // A Random per message keeps message i stable however much randomness earlier ones used.
            var rng = new Random(Mix(seed, index));
            var step = Span.Ticks / Math.Max(count, 1);
            var instant = Start + TimeSpan.FromTicks(step * index) + TimeSpan.FromMinutes(rng.Next(0, 600));
            var ctx = new MessageContext(rng, index, seed, instant);
            if (rng.NextDouble() * 100 < malformedPercent)
            {
                return MalformedTemplates.Build(ctx);
            }
            var pick = rng.Next(TotalWeight);
            foreach (var (build, weight) in Templates)
            {
                if (pick < weight) return build(ctx);
                pick -= weight;
            }
            throw new InvalidOperationException("template weights do not add up");
        }

        private static int Mix(int seed, int index)
        {
            // SplitMix64 finaliser: a well-spread 32-bit seed from (seed, index), identical on every platform.
            var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & 0x7FFF_FFFF);
        }
    }

    /// <summary>Randomness and identity of the message being built.</summary>
    internal sealed class MessageContext(Random rng, int index, int seed, DateTimeOffset instant)
    {
        public Random Rng { get; } = rng;
        public int Index { get; } = index;

        public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];
        public int Between(int min, int maxInclusive) => Rng.Next(min, maxInclusive + 1);
        public bool Chance(double p) => Rng.NextDouble() < p;

        /// <summary>The Date header of the message in a time zone given by its standard (winter) UTC offset.</summary>
        public DateTimeOffset DateIn(int offsetHours)
        {
            // European summer time, roughly: April to October is one hour ahead of the standard offset.
            var summer = instant.Month is >= 4 and <= 10 ? 1 : 0;
            return instant.ToOffset(TimeSpan.FromHours(offsetHours + summer));
        }

        public string MessageId(string domain) =>
            $"<{instant.UtcDateTime:yyyyMMddHHmmss}.{seed:x}.{Index:x6}.{Rng.Next():x8}@{domain}>";

        public string Boundary() => $"----=_Part_{Index}_{Rng.Next():x8}.{Rng.Next():x8}";

        public Person Person(string lang)
        {
            var names = Data.Names[lang];
            return new Person(Pick(names.First), Pick(names.Last));
        }

        public string Phone(string country)
        {
            var code = Data.DialCodes[country];
            return $"+{code} {Between(20, 89)} 555 {Between(10, 99)} {Between(10, 99)}";
        }

        public Company Company(string country, string sector)
        {
            var stem = Pick(Data.Stems);
            var word = Mime.Ascii(sector);
            return new Company($"{stem} {sector} {Data.LegalForms[country]}", $"{Mime.Ascii(stem)}-{(word.Length == 0 ? "cargo" : word)}.example", country);
        }

        public Order Order(string lang, IReadOnlyList<string> from, IReadOnlyList<string> to)
        {
            var sent = DateOnly.FromDateTime(instant.UtcDateTime);
            var load = Pick(Data.Places.Where(p => from.Contains(p.Country)).ToArray());
            var unload = Pick(Data.Places.Where(p => to.Contains(p.Country) && p.City != load.City).ToArray());
            var vehicle = PickVehicle();
            var pallets = vehicle == Vehicle.Van ? Between(2, 8) : Between(6, 33);
            var weight = vehicle == Vehicle.Van ? Between(3, 12) * 100 : Between(pallets * 2, 24_0) * 100;
            var adr = vehicle is Vehicle.Tautliner or Vehicle.Box && Chance(0.1);
            var loadDate = sent.AddDays(Between(1, 7));
            return new Order(
                Reference: Pick(Data.ReferencePatterns)(this),
                Load: load, LoadCompany: Company(load.Country, Pick(Data.Sectors)).Name,
                Unload: unload, UnloadCompany: Company(unload.Country, Pick(Data.Sectors)).Name,
                LoadDate: loadDate, UnloadDate: loadDate.AddDays(Between(1, 3)),
                LoadWindow: Window(), UnloadWindow: Window(),
                WeightKg: weight, Pallets: pallets,
                LoadingMeters: vehicle == Vehicle.Van || !Chance(0.5) ? null : Math.Min(13.6m, Math.Round(pallets * 0.4m, 1)),
                Vehicle: vehicle,
                UnNumber: adr ? Pick(Data.UnNumbers) : null,
                TemperatureC: vehicle == Vehicle.Reefer ? Pick(Data.Temperatures) : null,
                Price: Between(45, 320) * 10,
                Cargo: Pick(Data.Cargo[lang]));
        }

        private Vehicle PickVehicle()
        {
            var r = Rng.Next(100);
            return r switch
            {
                < 45 => Vehicle.Tautliner,
                < 57 => Vehicle.Box,
                < 72 => Vehicle.Reefer,
                < 82 => Vehicle.Mega,
                < 90 => Vehicle.Van,
                _ => Vehicle.Flatbed,
            };
        }

        private TimeWindow Window()
        {
            var start = new TimeOnly(Between(6, 11), Chance(0.2) ? 30 : 0);
            return Rng.Next(10) switch
            {
                < 5 => new TimeWindow(start, start.AddHours(Between(2, 8))),
                < 7 => new TimeWindow(start, null),
                8 => new TimeWindow(null, start.AddHours(4)),
                9 => new TimeWindow(start, start),
                _ => new TimeWindow(null, null),
            };
        }
    }

    internal enum Vehicle { Tautliner, Box, Reefer, Mega, Van, Flatbed }

    internal sealed record Person(string First, string Last)
    {
        public string Full => $"{First} {Last}";
    }

    internal sealed record Company(string Name, string Domain, string Country);

    internal sealed record Place(string Country, string PostalCode, string City, string Street);

    /// <summary>A time window: both bounds (a range, or an exact slot when equal), one open bound, or none.</summary>
    internal sealed record TimeWindow(TimeOnly? From, TimeOnly? To);

    internal sealed record Order(
        string Reference, Place Load, string LoadCompany, Place Unload, string UnloadCompany,
        DateOnly LoadDate, DateOnly UnloadDate, TimeWindow LoadWindow, TimeWindow UnloadWindow,
        int WeightKg, int Pallets, decimal? LoadingMeters, Vehicle Vehicle, string? UnNumber,
        (int Min, int Max)? TemperatureC, int Price, string Cargo);
    /// <summary>Small built-in word lists; everything is invented except cities and postal-code formats.</summary>
    internal static class Data
    {
        public static readonly Place[] Places =
        [
            new("DE", "80939", "München", "Lilienthalallee 21"), new("DE", "20539", "Hamburg", "Billstraße 118"),
            new("DE", "50829", "Köln", "Mathias-Brüggen-Straße 40"), new("DE", "70565", "Stuttgart", "Industriestraße 12"),
            new("DE", "04158", "Leipzig", "Radefelder Allee 3"), new("DE", "90451", "Nürnberg", "Hafenstraße 25"),
            new("DE", "28197", "Bremen", "Am Tabakquartier 7"), new("DE", "86167", "Augsburg", "Gutenbergstraße 31"),
            new("PL", "02-672", "Warszawa", "ul. Domaniewska 41"), new("PL", "31-580", "Kraków", "ul. Nowohucka 60"),
            new("PL", "61-868", "Poznań", "ul. Garbary 48"), new("PL", "53-333", "Wrocław", "ul. Powstańców Śląskich 95"),
            new("PL", "80-298", "Gdańsk", "ul. Budowlanych 19"), new("PL", "40-203", "Katowice", "ul. Roździeńskiego 188"),
            new("PL", "93-490", "Łódź", "ul. Pabianicka 221"), new("PL", "25-563", "Kielce", "ul. Zagnańska 150"),
            new("CZ", "190 00", "Praha", "Kolbenova 9"), new("CZ", "619 00", "Brno", "Vídeňská 101"),
            new("CZ", "702 00", "Ostrava", "Mariánskohorská 41"), new("CZ", "301 00", "Plzeň", "Borská 55"),
            new("FR", "69007", "Lyon", "12 rue de Gerland"), new("FR", "59160", "Lille", "ZI du Marais, 4 rue Pasteur"),
            new("FR", "67100", "Strasbourg", "9 rue du Port du Rhin"), new("FR", "45770", "Saran", "120 rue des Frênes"),
            new("IT", "20138", "Milano", "Via Mecenate 76"), new("IT", "37135", "Verona", "Via Belvedere 14"),
            new("IT", "40127", "Bologna", "Via del Lavoro 33"), new("IT", "10156", "Torino", "Strada Settimo 210"),
            new("ES", "50197", "Zaragoza", "Calle Bari 33"), new("ES", "08040", "Barcelona", "Carrer del Motors 162"),
            new("ES", "46013", "Valencia", "Av. Ausiàs March 120"),
            new("NL", "3089 JB", "Rotterdam", "Waalhaven O.z. 70"), new("NL", "5928 PR", "Venlo", "Celsiusweg 22"),
            new("NL", "5048 AB", "Tilburg", "Kraaivenstraat 25"),
            new("BG", "1220", "София", "бул. „Рожен“ 20"), new("BG", "4000", "Пловдив", "ул. „Кукленско шосе“ 7"),
            new("BG", "9000", "Варна", "бул. „Владислав Варненчик“ 277"),
            new("RO", "300668", "Timişoara", "Calea Torontalului km 6"), new("RO", "400397", "Cluj-Napoca", "Str. Traian Vuia 208"),
            new("RO", "310141", "Arad", "Calea Aurel Vlaicu 270"),
            new("HU", "1097", "Budapest", "Gubacsi út 6"), new("HU", "9027", "Győr", "Ipari Park, Kandó Kálmán u. 2"),
            new("AT", "4020", "Linz", "Hafenstraße 18"), new("AT", "1110", "Wien", "Simmeringer Hauptstraße 99"),
            new("GB", "NN11 8QL", "Daventry", "Unit 12, Royal Oak Way"), new("GB", "IP11 3QD", "Felixstowe", "Unit 4, Langer Road"),
            new("GB", "B24 9QR", "Birmingham", "Minworth Industrial Park, Unit 7"),
        ];

        public static readonly string[] Stems =
        [
            "Adlerhorst", "Baltica", "Cernik", "Danubia", "Elbtal", "Fiordo", "Granitwerk", "Hafenkante", "Iberis", "Jurapark",
            "Karpatia", "Lumenta", "Moravex", "Nordlicht", "Orionis", "Pannonia", "Quercus", "Rheinau", "Savatra", "Tatrix",
            "Ulmenhof", "Vistrada", "Weserland", "Zefiro", "Brightwater", "Kestrel Vale", "Monteverde", "Solanum",
        ];

        public static readonly string[] Sectors = ["Logistik", "Foods", "Paper", "Metall", "Plast", "Textil", "Chemie", "Glass", "Parts", "Cargo"];

        public static readonly Dictionary<string, string> LegalForms = new(StringComparer.Ordinal)
        {
            ["DE"] = "GmbH", ["PL"] = "Sp. z o.o.", ["CZ"] = "s.r.o.", ["FR"] = "SAS", ["IT"] = "S.r.l.", ["ES"] = "S.L.",
            ["NL"] = "B.V.", ["BG"] = "ЕООД", ["RO"] = "S.R.L.", ["HU"] = "Kft.", ["AT"] = "GmbH", ["GB"] = "Ltd",
        };

        public static readonly Dictionary<string, string> DialCodes = new(StringComparer.Ordinal)
        {
            ["DE"] = "49", ["PL"] = "48", ["CZ"] = "420", ["FR"] = "33", ["IT"] = "39", ["ES"] = "34",
            ["NL"] = "31", ["BG"] = "359", ["RO"] = "40", ["HU"] = "36", ["AT"] = "43", ["GB"] = "44",
        };

        public static readonly Dictionary<string, (string[] First, string[] Last)> Names = new(StringComparer.Ordinal)
        {
            ["en"] = (["Fiona", "Oliver", "Hannah", "Liam", "Grace", "Owen"], ["Marsh", "Whitcombe", "Hale", "Booth", "Carver", "Pryce"]),
            ["de"] = (["Sabine", "Markus", "Anja", "Tobias", "Kerstin", "Henrik"], ["Kröll", "Brandl", "Vogt", "Seifert", "Hagen", "Paulsen"]),
            ["pl"] = (["Marta", "Piotr", "Agnieszka", "Tomasz", "Karolina", "Michał"], ["Kaczmarek", "Nowak", "Lis", "Wróbel", "Sikora", "Mazur"]),
            ["fr"] = (["Julien", "Camille", "Nicolas", "Élodie", "Mathieu"], ["Mercier", "Laurent", "Girard", "Roux", "Fabre"]),
            ["it"] = (["Chiara", "Luca", "Giulia", "Marco", "Federica"], ["Benedetti", "Ferri", "Gallo", "Conti", "Marchetti"]),
            ["es"] = (["Álvaro", "Lucía", "Javier", "Marta", "Sergio"], ["Gil", "Navarro", "Ortega", "Serrano", "Lasheras"]),
            ["cs"] = (["Petr", "Lenka", "Jana", "Martin", "Ondřej"], ["Svoboda", "Dvořák", "Kučera", "Procházka", "Beneš"]),
            ["bg"] = (["Николай", "Георги", "Иван", "Стефан"], ["Стоянов", "Иванов", "Димитров", "Колев"]),
            ["nl"] = (["Bram", "Sanne", "Ruud", "Els", "Joost"], ["de Graaf", "Hendriks", "Peeters", "Visser", "Bakker"]),
            ["ro"] = (["Andreea", "Mihai", "Ioana", "Radu"], ["Mureșan", "Popa", "Stan", "Ionescu"]),
            ["hu"] = (["Eszter", "Gábor", "Anna", "Péter"], ["Tóth", "Nagy", "Kovács", "Szabó"]),
        };

        public static readonly Dictionary<string, string[]> Cargo = new(StringComparer.Ordinal)
        {
            ["en"] = ["flat-packed garden furniture", "bottled mineral water", "paper reels", "automotive parts in crates", "household appliances", "frozen bakery products"],
            ["de"] = ["Getränke in Mehrwegkisten", "Papierrollen", "Maschinenteile in Kisten", "Haushaltsgeräte", "Dämmstoffe", "Tiefkühlgemüse"],
            ["pl"] = ["meble w kartonach", "napoje", "elementy stalowe", "artykuły AGD", "opakowania kartonowe", "mrożonki"],
            ["fr"] = ["produits cosmétiques en cartons", "emballages plastiques", "pièces automobiles", "vins en cartons", "produits laitiers"],
            ["it"] = ["vino in bottiglia", "piastrelle in ceramica", "componenti meccanici", "pasta secca", "formaggi stagionati"],
            ["es"] = ["piezas de automoción", "azulejos", "fruta fresca", "aceite de oliva en cajas", "productos textiles"],
            ["cs"] = ["nábytek v kartonech", "sklo na paletách", "strojní díly", "nápoje", "plastové výlisky"],
            ["bg"] = ["консерви", "керамични плочки", "текстил", "минерална вода", "замразени зеленчуци"],
            ["nl"] = ["drankverpakkingen", "potplanten", "zuivelproducten", "bouwmaterialen", "elektronica"],
            ["ro"] = ["textile de casă", "piese auto", "mobilier", "materiale de construcții", "băuturi"],
        };

        public static readonly string[] UnNumbers = ["UN 1263", "UN 1993", "UN 3082", "UN 1202", "UN 1760"];

        public static readonly (int Min, int Max)[] Temperatures = [(2, 6), (-18, -18), (0, 4), (2, 8), (-20, -18), (12, 15)];

        public static readonly Func<MessageContext, string>[] ReferencePatterns =
        [
            c => $"TO-2026-{c.Between(10000, 99999)}",
            c => $"{c.Between(10, 99)}-{c.Between(1000, 9999)}",
            c => $"ZL/{c.Between(1, 12):D2}/{c.Between(100, 999)}",
            c => $"{c.Between(2600000, 2699999)}",
            c => $"ORD{c.Between(100000, 999999)}",
            c => $"{(char)('A' + c.Between(0, 25))}{(char)('A' + c.Between(0, 25))}-{c.Between(100, 999)}/{c.Between(10, 99)}",
        ];

        public static readonly Dictionary<string, string[]> CountryNames = new(StringComparer.Ordinal)
        {
            //            en                 de                 pl                  fr                 it                  es               cs                  nl                    ro              bg
            ["DE"] = ["Germany", "Deutschland", "Niemcy", "Allemagne", "Germania", "Alemania", "Německo", "Duitsland", "Germania", "Германия"],
            ["PL"] = ["Poland", "Polen", "Polska", "Pologne", "Polonia", "Polonia", "Polsko", "Polen", "Polonia", "Полша"],
            ["CZ"] = ["Czech Republic", "Tschechien", "Czechy", "République tchèque", "Repubblica Ceca", "Chequia", "Česko", "Tsjechië", "Cehia", "Чехия"],
            ["FR"] = ["France", "Frankreich", "Francja", "France", "Francia", "Francia", "Francie", "Frankrijk", "Franța", "Франция"],
            ["IT"] = ["Italy", "Italien", "Włochy", "Italie", "Italia", "Italia", "Itálie", "Italië", "Italia", "Италия"],
            ["ES"] = ["Spain", "Spanien", "Hiszpania", "Espagne", "Spagna", "España", "Španělsko", "Spanje", "Spania", "Испания"],
            ["NL"] = ["Netherlands", "Niederlande", "Holandia", "Pays-Bas", "Paesi Bassi", "Países Bajos", "Nizozemsko", "Nederland", "Olanda", "Нидерландия"],
            ["BG"] = ["Bulgaria", "Bulgarien", "Bułgaria", "Bulgarie", "Bulgaria", "Bulgaria", "Bulharsko", "Bulgarije", "Bulgaria", "България"],
            ["RO"] = ["Romania", "Rumänien", "Rumunia", "Roumanie", "Romania", "Rumanía", "Rumunsko", "Roemenië", "România", "Румъния"],
            ["HU"] = ["Hungary", "Ungarn", "Węgry", "Hongrie", "Ungheria", "Hungría", "Maďarsko", "Hongarije", "Ungaria", "Унгария"],
            ["AT"] = ["Austria", "Österreich", "Austria", "Autriche", "Austria", "Austria", "Rakousko", "Oostenrijk", "Austria", "Австрия"],
            ["GB"] = ["United Kingdom", "Großbritannien", "Wielka Brytania", "Royaume-Uni", "Regno Unito", "Reino Unido", "Velká Británie", "Verenigd Koninkrijk", "Regatul Unit", "Великобритания"],
        };

        private static readonly string[] CountryNameLanguages = ["en", "de", "pl", "fr", "it", "es", "cs", "nl", "ro", "bg"];

        public static string CountryName(string iso, string lang) => CountryNames[iso][Array.IndexOf(CountryNameLanguages, lang)];
    }

    /// <summary>How one language writes dates, time windows, numbers and vehicles.</summary>
    internal sealed record Lang(
        string Code, string[] Weekdays, string[] Months, string Range, string From, string To, string Slot,
        string Thousands, string[] Vehicles)
    {
        public static readonly Dictionary<string, Lang> All = new Lang[]
        {
            new("en", ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
                ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
                "{0} - {1}", "from {0}", "by {1} latest", "booked slot {0}", ",",
                ["curtainsider", "box trailer", "reefer", "mega trailer", "van up to 3.5 t (sprinter)", "flatbed"]),
            new("de", ["So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."],
                ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
                "{0}-{1} Uhr", "ab {0} Uhr", "bis {1} Uhr", "{0} Uhr (fester Slot)", ".",
                ["Planensattel", "Koffer (geschlossen)", "Kühlkoffer", "Megatrailer", "Sprinter bis 3,5 t", "Pritsche offen"]),
            new("pl", ["niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"],
                ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
                "godz. {0}-{1}", "od godz. {0}", "do godz. {1}", "awizacja na {0}", " ",
                ["plandeka", "kontener zamknięty", "chłodnia", "mega", "bus do 3,5 t", "platforma"]),
            new("fr", ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
                ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
                "de {0} à {1}", "à partir de {0}", "avant {1}", "RDV à {0}", " ",
                ["semi tautliner (bâchée)", "semi fourgon", "semi frigorifique", "méga", "VUL 3,5 t", "plateau"]),
            new("it", ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
                ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
                "ore {0} - {1}", "dalle ore {0}", "entro le ore {1}", "ore {0} (prenotazione)", ".",
                ["bilico centinato", "furgonato", "frigo", "mega", "furgone 3,5 t", "pianale"]),
            new("es", ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
                ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
                "de {0} a {1}", "desde las {0}", "antes de las {1}", "cita a las {0}", ".",
                ["lona", "furgón cerrado", "frigorífico", "mega", "furgoneta 3,5 t", "plataforma"]),
            new("cs", ["neděle", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota"],
                ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"],
                "{0}-{1} hod.", "od {0} hod.", "do {1} hod.", "v {0} hod. (časové okno)", " ",
                ["plachta", "skříň", "chladírenský návěs", "mega", "dodávka do 3,5 t", "valník"]),
            new("bg", ["неделя", "понеделник", "вторник", "сряда", "четвъртък", "петък", "събота"],
                ["януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември", "декември"],
                "{0}–{1}", "от {0}", "до {1}", "точно в {0}", " ",
                ["тент", "фургон", "хладилен", "мега", "бус до 3,5 т", "платформа"]),
            new("nl", ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
                ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
                "{0}-{1}", "vanaf {0}", "uiterlijk {1}", "tijdslot {0}", ".",
                ["huifoplegger", "gesloten oplegger", "koelwagen", "mega-trailer", "bestelbus 3,5 t", "open oplegger"]),
            new("ro", ["duminică", "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă"],
                ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"],
                "între {0} și {1}", "de la ora {0}", "până la ora {1}", "ora {0} (programare)", ".",
                ["prelată", "dubă", "frigorific", "mega", "dubă 3,5 t", "platformă"]),
        }.ToDictionary(l => l.Code, StringComparer.Ordinal);

        public string Window(TimeWindow w)
        {
            var f = w.From?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var t = w.To?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            return (f, t) switch
            {
                (null, null) => "",
                (not null, null) => string.Format(System.Globalization.CultureInfo.InvariantCulture, From, f),
                (null, not null) => string.Format(System.Globalization.CultureInfo.InvariantCulture, To, null, t),
                _ when f == t => string.Format(System.Globalization.CultureInfo.InvariantCulture, Slot, f),
                _ => string.Format(System.Globalization.CultureInfo.InvariantCulture, Range, f, t),
            };
        }

        public string Number(int n)
        {
            var s = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = s.Length - 3; i > 0; i -= 3) s = s.Insert(i, Thousands);
            return s;
        }

        public string Decimal(decimal d) =>
            d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace(".", Code == "en" ? "." : ",", StringComparison.Ordinal);

        public string Vehicle(Vehicle v) => Vehicles[(int)v];

        public string Weekday(DateOnly d) => Weekdays[(int)d.DayOfWeek];

        public string Month(DateOnly d) => Months[d.Month - 1];
    }
    /// <summary>Just enough MIME writing for the templates: encoded words, QP, base64, parts.</summary>
    internal static class Mime
    {
        private static readonly Dictionary<string, Encoding> StrictEncodings = new(StringComparer.OrdinalIgnoreCase);
        private static readonly Dictionary<string, Encoding> LossyEncodings = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>An encoding that throws on characters it cannot hold (a template bug, not data).</summary>
        public static Encoding Strict(string charset)
        {
            if (!StrictEncodings.TryGetValue(charset, out var encoding))
            {
                encoding = Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
                StrictEncodings[charset] = encoding;
            }
            return encoding;
        }

        /// <summary>The preferred legacy charset when it can hold the text, else UTF-8 (as mail clients do).</summary>
        public static string CharsetFor(string text, string preferred)
        {
            // A round trip through a lossy encoder tells without the cost of an exception per message.
            if (!LossyEncodings.TryGetValue(preferred, out var lossy))
            {
                lossy = Encoding.GetEncoding(preferred, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
                LossyEncodings[preferred] = lossy;
            }
            return lossy.GetString(lossy.GetBytes(text)) == text ? preferred : "utf-8";
        }

        public static string Date(DateTimeOffset d)
        {
            var offset = d.Offset;
            var sign = offset < TimeSpan.Zero ? '-' : '+';
            return d.ToString("ddd, d MMM yyyy HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture) +
                   $"{sign}{Math.Abs(offset.Hours):D2}{Math.Abs(offset.Minutes):D2}";
        }

        /// <summary>An unstructured header value: as is when printable ASCII, else RFC 2047 B-encoded words.</summary>
        public static string Header(string text, string charset = "utf-8")
        {
            if (text.All(ch => ch is >= ' ' and <= '~')) return text;
            var encoding = Strict(CharsetFor(text, charset));
            var words = new List<string>();
            var chunk = new StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                var candidate = chunk.ToString() + rune.ToString();
                if (encoding.GetByteCount(candidate) > 45 && chunk.Length > 0)
                {
                    words.Add(chunk.ToString());
                    chunk.Clear();
                }
                chunk.Append(rune.ToString());
            }
            if (chunk.Length > 0) words.Add(chunk.ToString());
            return string.Join("\n ", words.Select(w => $"=?{encoding.WebName}?B?{Convert.ToBase64String(encoding.GetBytes(w))}?="));
        }

        /// <summary>A mailbox header value with an optional display name.</summary>
        public static string Address(string? name, string address, string charset = "utf-8")
        {
            if (string.IsNullOrEmpty(name)) return address;
            var display = name.All(ch => ch is >= ' ' and <= '~')
                ? (name.IndexOfAny(['.', ',', '&', '(', ')', '<', '>', '@', ';', ':', '"']) >= 0 ? $"\"{name.Replace("\"", "", StringComparison.Ordinal)}\"" : name)
                : Header(name, charset);
            return $"{display} <{address}>";
        }

        private const string Hex = "0123456789ABCDEF";

        public static string QuotedPrintable(byte[] data)
        {
            var sb = new StringBuilder(data.Length * 3 / 2);
            var lineLength = 0;
            for (var i = 0; i < data.Length; i++)
            {
                var b = data[i];
                if (b == '\r' && i + 1 < data.Length && data[i + 1] == '\n') continue;
                if (b == '\n')
                {
                    sb.Append('\n');
                    lineLength = 0;
                    continue;
                }
                var atLineEnd = i + 1 >= data.Length || data[i + 1] == '\n' || data[i + 1] == '\r';
                var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
                var width = literal ? 1 : 3;
                if (lineLength + width > 75)
                {
                    sb.Append("=\n");
                    lineLength = 0;
                }
                if (literal)
                {
                    sb.Append((char)b);
                }
                else
                {
                    sb.Append('=').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }
                lineLength += width;
            }
            if (sb.Length == 0 || sb[^1] != '\n') sb.Append('\n');
            return sb.ToString();
        }

        public static string Base64(byte[] data) =>
            Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

        /// <summary>A text part (headers, blank line, encoded body). 8bit is only used with UTF-8.</summary>
        public static string TextPart(string mediaType, string text, string charset, string transferEncoding, string extraHeaders = "")
        {
            var bytes = Strict(charset).GetBytes(text);
            var body = transferEncoding switch
            {
                "quoted-printable" => QuotedPrintable(bytes),
                "base64" => Base64(bytes),
                _ => text.EndsWith('\n') ? text : text + "\n",
            };
            return $"Content-Type: {mediaType}; charset=\"{charset}\"\nContent-Transfer-Encoding: {transferEncoding}\n{extraHeaders}\n{body}";
        }

        public static string Multipart(string boundary, params string[] parts)
        {
            var sb = new StringBuilder();
            foreach (var part in parts) sb.Append("--").Append(boundary).Append('\n').Append(part);
            return sb.Append("--").Append(boundary).Append("--\n").ToString();
        }

        /// <summary>Header lines; null values are left out.</summary>
        public static string Headers(params (string Name, string? Value)[] headers)
        {
            var sb = new StringBuilder();
            foreach (var (name, value) in headers)
            {
                if (value is not null) sb.Append(name).Append(": ").Append(value).Append('\n');
            }
            return sb.ToString();
        }

        /// <summary>Lower-case ASCII letters of a name, diacritics dropped; empty for non-Latin scripts.</summary>
        public static string Ascii(string s)
        {
            var d = s.Replace("ł", "l", StringComparison.Ordinal).Replace("Ł", "L", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
            return new string(d.Where(ch => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z').ToArray()).ToLowerInvariant();
        }

        /// <summary>An ASCII mailbox local part from a person's name (diacritics dropped, non-Latin names replaced).</summary>
        public static string LocalPart(Person p)
        {
            var first = Ascii(p.First);
            var last = Ascii(p.Last);
            return first.Length == 0 || last.Length == 0 ? "office" : $"{first[0]}.{last}";
        }
    }

    /// <summary>Line-by-line text building with optional lines.</summary>
    internal sealed class TextLines
    {
        private readonly StringBuilder _sb = new();

        public TextLines L(string line = "")
        {
            _sb.Append(line).Append('\n');
            return this;
        }

        public TextLines If(bool condition, string line) => condition ? L(line) : this;

        public override string ToString() => _sb.ToString();
    }
    /// <summary>Templates whose messages are orders (bookings, quote requests, exchange offers).</summary>
    internal static class OrderTemplates
    {
        private const string Carrier = "vistula-haulage.example";

        private static string Day(DateOnly d) => d.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

        private static string Ordinal(int day) => day switch
        {
            1 or 21 or 31 => $"{day}st",
            2 or 22 => $"{day}nd",
            3 or 23 => $"{day}rd",
            _ => $"{day}th",
        };

        private static string WithWindow(string date, string window) => window.Length == 0 ? date : $"{date}, {window}";

        internal static GeneratedMessage Finish(string template, string? messageId, string envelopeSender, DateTimeOffset date,
            string? classification, int orders, string raw) =>
            new(template, messageId, envelopeSender, date, classification, orders, Encoding.UTF8.GetBytes(raw));

        internal static string Signature(MessageContext c, Person p, string title, Company company, string lang, string email)
        {
            // A signature address in the sender's own country: realistic, and never a stop.
            var office = c.Pick(Data.Places.Where(x => x.Country == company.Country).ToArray());
            var address = company.Country == "GB" ? $"{office.Street}, {office.City} {office.PostalCode}" : $"{office.Street}, {office.PostalCode} {office.City}";
            return new TextLines().L(p.Full).L(title).L(company.Name).L(address)
                .L($"{(lang == "de" ? "Tel." : "T:")} {c.Phone(company.Country)}").L(email).ToString();
        }

        public static GeneratedMessage EnglishProse(MessageContext c)
        {
            var l = Lang.All["en"];
            var uk = c.Chance(0.4);
            var company = c.Company(uk ? "GB" : c.Pick(new[] { "NL", "DE", "PL" }), c.Pick(new[] { "Forwarding", "Freight", "Logistics" }));
            var p = c.Person("en");
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("en", uk ? ["GB"] : ["DE", "NL", "PL", "CZ", "FR"], ["PL", "CZ", "DE", "HU", "RO", "AT"]);
            var date = c.DateIn(uk ? 0 : 1);
            var mid = c.MessageId(company.Domain);
            static string Where(Place x, string company) =>
                x.Country == "GB" ? $"{company}, {x.Street}, {x.City} {x.PostalCode}, UK" : $"{company}, {x.Street}, {x.PostalCode} {x.City}, {Data.CountryName(x.Country, "en")}";
            var body = new TextLines()
                .L(c.Pick(new[] { "Hi team,", "Good morning,", "Hello Kamil," }))
                .L()
                .L(c.Chance(0.5)
                    ? "Could you please cover the load below for us, if you can take it? Please confirm with truck and trailer regs."
                    : "Please find our booking below and confirm by return with the driver's mobile number.")
                .L()
                .L($"Our ref: {o.Reference}")
                .L()
                .L($"Collection: {WithWindow($"{l.Weekday(o.LoadDate)} {Ordinal(o.LoadDate.Day)} {l.Month(o.LoadDate)}", l.Window(o.LoadWindow))}")
                .L(Where(o.Load, o.LoadCompany))
                .L()
                .L($"Delivery: {WithWindow($"{l.Weekday(o.UnloadDate)} {Ordinal(o.UnloadDate.Day)} {l.Month(o.UnloadDate)}", l.Window(o.UnloadWindow))}")
                .L(Where(o.Unload, o.UnloadCompany))
                .L()
                .L($"Goods: {o.Pallets} pallets of {o.Cargo}, {l.Number(o.WeightKg)} kg{(o.LoadingMeters is { } m ? $", {l.Decimal(m)} ldm" : "")}")
                .L($"Vehicle: {l.Vehicle(o.Vehicle)}")
                .L(o.UnNumber is { } un ? $"ADR: {un}, driver must hold an ADR certificate, orange plates and kit on board." : "Non-hazardous.")
                .If(o.TemperatureC is not null, $"Temperature: {o.TemperatureC?.Min:+0;-0;0} to {o.TemperatureC?.Max:+0;-0;0} °C, unit pre-cooled, print-out at delivery.")
                .L($"Rate: {(uk ? "£" : "EUR ")}{l.Number(o.Price)} all in{(uk ? ", including the crossing" : "")}.")
                .L()
                .L("Payment 45 days after receipt of invoice and signed POD.")
                .L()
                .L("Kind regards,")
                .L(p.First)
                .L()
                .L("--")
                .L(Signature(c, p, "Transport Planner", company, "en", email))
                .L("This e-mail and any attachments are confidential. If you are not the intended recipient,")
                .L("please notify the sender and delete it. All business is subject to our standard trading conditions.")
                .ToString();
            var raw = Mime.Headers(
                ("Return-Path", $"<{email}>"),
                ("Received", $"from smtp.{company.Domain} (smtp.{company.Domain} [192.0.2.{c.Between(1, 254)}])\n\tby mx.{Carrier} (Postfix) with ESMTPS id {c.Rng.Next():X8}\n\tfor <bookings@{Carrier}>; {Mime.Date(date)}"),
                ("From", Mime.Address(p.Full, email)),
                ("To", $"Bookings <bookings@{Carrier}>"),
                ("Subject", Mime.Header($"Booking {o.Reference} - {o.Load.City} > {o.Unload.City}, coll. {Ordinal(o.LoadDate.Day)} {l.Month(o.LoadDate)[..3]}")),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("MIME-Version", "1.0"),
                ("X-Mailer", "Microsoft Outlook 16.0"),
                ("Content-Language", "en-GB")) + Mime.TextPart("text/plain", body, "utf-8", "quoted-printable");
            return Finish("en-booking-prose", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage GermanKeyValue(MessageContext c)
        {
            var l = Lang.All["de"];
            var company = c.Company(c.Pick(new[] { "DE", "AT" }), "Spedition");
            var p = c.Person("de");
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("de", ["DE", "AT", "NL"], ["PL", "CZ", "HU", "RO", "BG", "IT"]);
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain);
            var withYear = c.Chance(0.6);
            string D(DateOnly d) => $"{l.Weekday(d)}, {(withYear ? Day(d) : d.ToString("dd.MM.", System.Globalization.CultureInfo.InvariantCulture))}";
            string Addr(Place x) => c.Chance(0.5) ? $"{x.Country}-{x.PostalCode} {x.City}" : $"{x.PostalCode} {x.City}, {Data.CountryName(x.Country, "de")}";
            var body = new TextLines()
                .L("Sehr geehrte Damen und Herren,")
                .L()
                .L("hiermit erteilen wir Ihnen folgenden Transportauftrag:")
                .L()
                .L($"Auftragsnummer:   {o.Reference}")
                .L($"Ladestelle:       {o.LoadCompany}")
                .L($"                  {o.Load.Street}, {Addr(o.Load)}")
                .L($"Ladetermin:       {WithWindow(D(o.LoadDate), l.Window(o.LoadWindow))}")
                .If(c.Chance(0.4), $"Ladereferenz:     LR {c.Between(100000, 999999)} (bitte an der Pforte angeben)")
                .L($"Entladestelle:    {o.UnloadCompany}")
                .L($"                  {o.Unload.Street}, {Addr(o.Unload)}")
                .L($"Entladetermin:    {WithWindow(D(o.UnloadDate), l.Window(o.UnloadWindow))}")
                .L($"Ware:             {o.Cargo}, {o.Pallets} Europaletten, {l.Number(o.WeightKg)} kg")
                .If(o.LoadingMeters is not null, $"Lademeter:        {l.Decimal(o.LoadingMeters ?? 0)}")
                .L($"Fahrzeug:         {l.Vehicle(o.Vehicle)}")
                .L($"Gefahrgut:        {(o.UnNumber is { } un ? $"ja, {un}, ADR-Ausrüstung erforderlich" : "nein")}")
                .If(o.TemperatureC is not null, $"Temperatur:       {o.TemperatureC?.Min:+0;-0;0} °C bis {o.TemperatureC?.Max:+0;-0;0} °C, Thermoschreiber")
                .L($"Frachtpreis:      {l.Number(o.Price)},00 EUR netto inkl. Maut")
                .L($"Ansprechpartner:  {p.Full}, Tel. {c.Phone(company.Country)}")
                .L()
                .L("Palettentausch Zug um Zug. Es gelten die ADSp 2017.")
                .L("Bitte bestätigen Sie den Auftrag mit Kennzeichen von Zugmaschine und Auflieger.")
                .L()
                .L("Mit freundlichen Grüßen")
                .L()
                .L(Signature(c, p, "Disposition", company, "de", email))
                .ToString();
            var charset = Mime.CharsetFor(body, "iso-8859-1");
            var raw = Mime.Headers(
                ("Message-ID", mid),
                ("Date", Mime.Date(date)),
                ("MIME-Version", "1.0"),
                ("User-Agent", "Mozilla Thunderbird"),
                ("Content-Language", "de-DE"),
                ("From", Mime.Address(p.Full, email, charset)),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"Transportauftrag {o.Reference} {o.Load.City} - {o.Unload.City}", charset)),
                ("Organization", Mime.Header(company.Name, charset))) +
                Mime.TextPart("text/plain", body, charset, "quoted-printable");
            return Finish("de-order-key-value", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage PolishOrder(MessageContext c)
        {
            var l = Lang.All["pl"];
            var company = c.Company("PL", c.Pick(new[] { "Spedycja", "Trans", "Logistics" }));
            var p = c.Person("pl");
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("pl", ["PL"], ["DE", "CZ", "NL", "FR", "IT", "HU", "AT"]);
            var date = c.DateIn(1);
            var mid = c.MessageId("mail.gmail.example");
            var pln = c.Chance(0.3);
            var text = new TextLines()
                .L("Dzień dobry,")
                .L()
                .L("zlecamy transport na poniższych warunkach:")
                .L()
                .L($"Nr zlecenia: {o.Reference}")
                .L($"Załadunek: {WithWindow($"{l.Weekday(o.LoadDate)} {o.LoadDate:dd.MM}", l.Window(o.LoadWindow))}")
                .L($"{o.LoadCompany}, {o.Load.Street}, {o.Load.PostalCode} {o.Load.City}")
                .L($"Rozładunek: {WithWindow(Day(o.UnloadDate), l.Window(o.UnloadWindow))}")
                .L($"{o.UnloadCompany}, {o.Unload.Street}, {o.Unload.PostalCode} {o.Unload.City}, {Data.CountryName(o.Unload.Country, "pl")}")
                .L($"Towar: {o.Cargo}, {o.Pallets} palet, {l.Number(o.WeightKg)} kg")
                .L($"Auto: {l.Vehicle(o.Vehicle)}")
                .If(o.UnNumber is not null, $"ADR: {o.UnNumber}, kierowca z zaświadczeniem ADR")
                .If(o.TemperatureC is not null, $"Temperatura: {o.TemperatureC?.Min:+0;-0;0}/{o.TemperatureC?.Max:+0;-0;0} °C")
                .L($"Fracht: {(pln ? $"{l.Number(o.Price * 4)} zł" : $"{l.Number(o.Price)} EUR")} netto, płatność 45 dni")
                .L()
                .L("Proszę o potwierdzenie i numery rejestracyjne.")
                .L()
                .L("Pozdrawiam")
                .L(Signature(c, p, "spedytor", company, "pl", email))
                .ToString();
            var html = "<div dir=\"ltr\">" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal) + "</div>\n";
            var boundary = $"000000000000{c.Rng.Next():x8}{c.Rng.Next(0x10000):x4}";
            var raw = Mime.Headers(
                ("MIME-Version", "1.0"),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("Subject", Mime.Header($"Zlecenie transportowe {o.Reference} {o.Load.City} → {o.Unload.City}")),
                ("From", Mime.Address(p.Full, email)),
                ("To", $"spedycja@{Carrier}"),
                ("Content-Type", $"multipart/alternative; boundary=\"{boundary}\"")) + "\n" +
                Mime.Multipart(boundary,
                    Mime.TextPart("text/plain", text, "UTF-8", "base64"),
                    Mime.TextPart("text/html", html, "UTF-8", "base64"));
            return Finish("pl-order-base64", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage FrenchOrder(MessageContext c)
        {
            var l = Lang.All["fr"];
            var company = c.Company("FR", "Transit");
            var p = c.Person("fr");
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("fr", ["FR"], ["PL", "CZ", "DE", "ES", "IT", "RO"]);
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain.ToUpperInvariant());
            var text = new TextLines()
                .L("Bonjour,")
                .L()
                .L("Suite à notre échange, nous vous confirmons l'affrètement suivant :")
                .L()
                .L($"Réf. affrètement : {o.Reference}")
                .L()
                .L($"Enlèvement : {WithWindow($"{l.Weekday(o.LoadDate)} {o.LoadDate:dd/MM}", l.Window(o.LoadWindow))}")
                .L($"{o.LoadCompany}, {o.Load.Street}, {o.Load.PostalCode} {o.Load.City}")
                .L()
                .L($"Livraison : {WithWindow($"{l.Weekday(o.UnloadDate)} {o.UnloadDate:dd/MM}", l.Window(o.UnloadWindow))}")
                .L($"{o.UnloadCompany}, {o.Unload.Street}, {o.Unload.PostalCode} {o.Unload.City}, {Data.CountryName(o.Unload.Country, "fr")}")
                .L()
                .L($"Marchandise : {o.Cargo}, {o.Pallets} palettes, {l.Number(o.WeightKg)} kg")
                .L($"Véhicule : {l.Vehicle(o.Vehicle)}")
                .L(o.UnNumber is { } un ? $"Matières dangereuses : {un}, chauffeur avec certificat ADR" : "Marchandise non dangereuse.")
                .If(o.TemperatureC is not null, $"Température dirigée : {o.TemperatureC?.Min:+0;-0;0} °C / {o.TemperatureC?.Max:+0;-0;0} °C")
                .L($"Prix convenu : {l.Number(o.Price)} € HT")
                .L()
                .L("Merci de nous retourner la confirmation signée avec l'immatriculation.")
                .L()
                .L("Cordialement,")
                .L()
                .L(Signature(c, p, "Affréteur", company, "fr", email))
                .ToString();
            var charset = Mime.CharsetFor(text, "windows-1252");
            var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charset +
                       "\"></head><body lang=\"FR\"><div style=\"font-family:Calibri,sans-serif;font-size:11pt\">\n<p>" +
                       System.Net.WebUtility.HtmlEncode(text).Replace("\n\n", "</p>\n<p>", StringComparison.Ordinal).Replace("\n", "<br>\n", StringComparison.Ordinal) +
                       "</p>\n</div></body></html>\n";
            var boundary = $"_000_{c.Rng.Next():X8}{c.Rng.Next():X8}_";
            var subject = Mime.Header($"Affrètement n° {o.Reference} : {o.Load.City} > {o.Unload.City}", charset);
            var raw = Mime.Headers(
                ("From", Mime.Address(p.Full, email, charset)),
                ("To", $"exploitation@{Carrier}"),
                ("Subject", subject),
                ("Thread-Topic", subject),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("Accept-Language", "fr-FR, en-US"),
                ("Content-Language", "fr-FR"),
                ("X-MS-Has-Attach", ""),
                ("MIME-Version", "1.0"),
                ("Content-Type", $"multipart/alternative;\n\tboundary=\"{boundary}\"")) + "\n" +
                Mime.Multipart(boundary,
                    Mime.TextPart("text/plain", text, charset, "quoted-printable"),
                    Mime.TextPart("text/html", html, charset, "quoted-printable"));
            return Finish("fr-order-outlook", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage ItalianHtmlTable(MessageContext c)
        {
            var l = Lang.All["it"];
            var company = c.Company("IT", "Trasporti");
            var p = c.Person("it");
            var email = $"traffico@{company.Domain}";
            var o = c.Order("it", ["IT"], ["PL", "DE", "CZ", "AT", "HU", "FR"]);
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain);
            static string E(string s) => System.Net.WebUtility.HtmlEncode(s);
            var rows = new List<(string, string)>
            {
                ("Ordine n.", o.Reference),
                ("Committente", company.Name),
                ("Luogo di carico", $"{o.LoadCompany}<br>{E(o.Load.Street)}, {o.Load.PostalCode} {E(o.Load.City)}, Italia"),
                ("Data carico", E(WithWindow(o.LoadDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), l.Window(o.LoadWindow)))),
                ("Luogo di scarico", $"{o.UnloadCompany}<br>{E(o.Unload.Street)}, {o.Unload.PostalCode} {E(o.Unload.City)}, {E(Data.CountryName(o.Unload.Country, "it"))}"),
                ("Data scarico", E(WithWindow(o.UnloadDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), l.Window(o.UnloadWindow)))),
                ("Merce", E(o.Cargo)),
                ("Peso lordo", $"{l.Number(o.WeightKg)} kg"),
                ("Bancali", $"{o.Pallets} EPAL"),
                ("Mezzo", E(l.Vehicle(o.Vehicle))),
                ("ADR", o.UnNumber ?? "no"),
                ("Nolo", $"&euro; {l.Number(o.Price)},00 + IVA"),
                ("Referente", E($"{p.Full}, tel. {c.Phone("IT")}")),
            };
            if (o.LoadingMeters is { } ldm) rows.Insert(9, ("Metri lineari", l.Decimal(ldm)));
            if (o.TemperatureC is { } t) rows.Insert(10, ("Temperatura", $"da {t.Min:+0;-0;0} a {t.Max:+0;-0;0} &deg;C"));
            var table = string.Join("\n", rows.Select(r =>
                $"<tr><td style=\"background:#eef2f7;border:1px solid #9aa;width:170px\"><b>{r.Item1}</b></td><td style=\"border:1px solid #9aa\">{r.Item2}</td></tr>"));
            var html = $"""
                <!DOCTYPE html>
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Ordine {o.Reference}</title></head>
                <body style="font-family:Verdana,Arial,sans-serif;font-size:12px">
                <p>Spett.le Vettore,</p>
                <p>Vi affidiamo il trasporto come da tabella. Si prega di restituire conferma con targa motrice e rimorchio.</p>
                <table cellpadding="5" cellspacing="0" style="border-collapse:collapse;width:660px">
                <tr><td colspan="2" style="background:#1d3b6a;color:#fff"><b>ORDINE DI CARICO {o.Reference}</b></td></tr>
                {table}
                </table>
                <p>Cordiali saluti,<br><b>{E(p.Full)}</b><br>Ufficio Traffico<br>{E(company.Name)}</p>
                <p style="font-size:10px;color:#888">Messaggio generato automaticamente dal sistema gestionale. Informazioni riservate.</p>
                </body></html>

                """;
            var raw = Mime.Headers(
                ("Date", Mime.Date(date)),
                ("From", Mime.Address($"{company.Name} - Ufficio Traffico", email)),
                ("Reply-To", Mime.Address(p.Full, $"{Mime.LocalPart(p)}@{company.Domain}")),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"Ordine di carico n. {o.Reference} - {o.Load.City} > {o.Unload.City}")),
                ("Message-ID", mid),
                ("X-Mailer", "PHPMailer 6.9.1"),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/html", html, "utf-8", "quoted-printable");
            return Finish("it-order-html-table", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage SpanishQuoteRequest(MessageContext c)
        {
            var l = Lang.All["es"];
            var company = c.Company("ES", "Logística");
            var p = c.Person("es");
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("es", ["ES"], ["PL", "DE", "CZ", "HU", "RO", "IT"]);
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain);
            var text = new TextLines()
                .L("Buenos días:")
                .L()
                .L("Necesitamos precio para el siguiente transporte completo:")
                .L()
                .L($"Carga: {o.LoadCompany}, {o.Load.Street}, {o.Load.PostalCode} {o.Load.City}")
                .L($"Fecha de carga: {WithWindow($"{l.Weekday(o.LoadDate)} {o.LoadDate.Day} de {l.Month(o.LoadDate)}", l.Window(o.LoadWindow))}")
                .L($"Descarga: {o.UnloadCompany}, {o.Unload.Street}, {o.Unload.PostalCode} {o.Unload.City}, {Data.CountryName(o.Unload.Country, "es")}")
                .L($"Fecha de descarga: {l.Weekday(o.UnloadDate)} {o.UnloadDate.Day} de {l.Month(o.UnloadDate)}")
                .L($"Mercancía: {o.Cargo}, {o.Pallets} palets, {l.Number(o.WeightKg)} kg")
                .L($"Camión: {l.Vehicle(o.Vehicle)}")
                .L(o.UnNumber is { } un ? $"Mercancía peligrosa: {un} (ADR)." : "No es mercancía peligrosa.")
                .If(o.TemperatureC is not null, $"Temperatura: {o.TemperatureC?.Min:+0;-0;0} / {o.TemperatureC?.Max:+0;-0;0} ºC")
                .L()
                .L("¿Nos podría pasar su mejor tarifa y el plazo de tránsito?")
                .L()
                .L("Un saludo,")
                .L()
                .L(Signature(c, p, "Departamento de Tráfico", company, "es", email))
                .ToString();
            var raw = Mime.Headers(
                ("Date", Mime.Date(date)),
                ("From", Mime.Address(p.Full, email)),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"Solicitud de tarifa: {o.Load.City} - {o.Unload.City}, {o.Pallets} palets")),
                ("Message-ID", mid),
                ("User-Agent", "Roundcube Webmail/1.6.9"),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/plain", text, "utf-8", "8bit");
            return Finish("es-quote-request-8bit", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage CzechMultiStop(MessageContext c)
        {
            var l = Lang.All["cs"];
            var company = c.Company("CZ", "Spedice");
            var p = c.Person("cs");
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("cs", ["CZ"], ["DE", "AT", "PL", "NL", "IT"]);
            var second = c.Order("cs", ["CZ", "PL"], ["DE"]);
            var split = Math.Max(1, o.Pallets / 2);
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain);
            var text = new TextLines()
                .L("Dobrý den,")
                .L()
                .L("objednáváme u Vás přepravu se dvěma nakládkami:")
                .L()
                .L($"Číslo objednávky: {o.Reference}")
                .L()
                .L($"1. nakládka: {WithWindow($"{o.LoadDate.Day}.{o.LoadDate.Month}.{o.LoadDate.Year}", l.Window(new TimeWindow(new TimeOnly(7, 0), new TimeOnly(10, 0))))}")
                .L($"   {o.LoadCompany}, {o.Load.Street}, {o.Load.PostalCode} {o.Load.City}")
                .L($"   {split} palet")
                .L($"2. nakládka: {WithWindow($"{o.LoadDate.Day}.{o.LoadDate.Month}.{o.LoadDate.Year}", l.Window(new TimeWindow(new TimeOnly(13, 0), new TimeOnly(15, 0))))}")
                .L($"   {second.LoadCompany}, {second.Load.Street}, {second.Load.PostalCode} {second.Load.City}")
                .L($"   {o.Pallets - split} palet")
                .L($"Vykládka: {WithWindow($"{o.UnloadDate.Day}.{o.UnloadDate.Month}.{o.UnloadDate.Year}", l.Window(o.UnloadWindow))}")
                .L($"   {o.UnloadCompany}, {o.Unload.Street}, {o.Unload.PostalCode} {o.Unload.City}, {Data.CountryName(o.Unload.Country, "cs")}")
                .L()
                .L($"Celkem: {o.Pallets} palet, {l.Number(o.WeightKg)} kg")
                .L($"Vozidlo: {l.Vehicle(o.Vehicle)}")
                .L(o.UnNumber is { } un ? $"ADR: {un}" : "Zboží není ADR.")
                .L($"Cena: {l.Number(o.Price)} EUR")
                .L()
                .L("Prosíme o potvrzení objednávky a zaslání SPZ.")
                .L()
                .L("S pozdravem")
                .L()
                .L(Signature(c, p, "dispečer", company, "cs", email))
                .ToString();
            var charset = Mime.CharsetFor(text, "iso-8859-2");
            var raw = Mime.Headers(
                ("From", Mime.Address(p.Full, email, charset)),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"Objednávka {o.Reference}: 2 nakládky {o.Load.City} + {second.Load.City} -> {o.Unload.City}", charset)),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("X-Mailer", "Microsoft Outlook 16.0"),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/plain", text, charset, "quoted-printable");
            return Finish("cs-order-multi-stop", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage BulgarianOrder(MessageContext c)
        {
            var l = Lang.All["bg"];
            var company = c.Company("BG", "Карго");
            var p = c.Person("bg");
            var email = $"office@{company.Domain}";
            var o = c.Order("bg", ["BG"], ["RO", "HU", "PL", "CZ", "DE", "AT"]);
            var date = c.DateIn(2);
            var mid = c.MessageId("mail.gmail.example");
            var text = new TextLines()
                .L("Здравейте,")
                .L()
                .L("Моля, потвърдете следния превоз:")
                .L()
                .L($"Заявка № {o.Reference}")
                .L($"Товарене: {WithWindow(Day(o.LoadDate), l.Window(o.LoadWindow))}")
                .L($"{o.LoadCompany}, {o.Load.Street}, {o.Load.PostalCode} {o.Load.City}")
                .L($"Разтоварване: {WithWindow(Day(o.UnloadDate), l.Window(o.UnloadWindow))}")
                .L($"{o.UnloadCompany}, {o.Unload.Street}, {o.Unload.PostalCode} {o.Unload.City}, {Data.CountryName(o.Unload.Country, "bg")}")
                .L($"Стока: {o.Cargo}, {o.Pallets} палета, {l.Number(o.WeightKg)} кг")
                .L($"Превозно средство: {l.Vehicle(o.Vehicle)} 13,6 м")
                .L($"ADR: {o.UnNumber ?? "не"}")
                .If(o.TemperatureC is not null, $"Температура: {o.TemperatureC?.Min:+0;-0;0}/{o.TemperatureC?.Max:+0;-0;0} °C")
                .L($"Навло: {l.Number(o.Price)} евро")
                .L()
                .L("Поздрави,")
                .L(Signature(c, p, "спедитор", company, "bg", email))
                .ToString();
            var charset = Mime.CharsetFor(text, "windows-1251");
            var raw = Mime.Headers(
                ("MIME-Version", "1.0"),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("Subject", Mime.Header($"Заявка за превоз № {o.Reference} {o.Load.City} – {o.Unload.City}", charset)),
                ("From", Mime.Address(p.Full, email, charset)),
                ("To", $"dispo@{Carrier}")) + Mime.TextPart("text/plain", text, charset, "base64");
            return Finish("bg-order-cyrillic", mid, email, date, "order", 1, raw);
        }

        public static GeneratedMessage DutchExchangeDigest(MessageContext c)
        {
            var l = Lang.All["nl"];
            var date = c.DateIn(1);
            var mid = c.MessageId("alerts.laadradar.example");
            var n = c.Between(2, 5);
            var text = new TextLines()
                .L("Goedemorgen,")
                .L()
                .L($"er zijn {n} nieuwe ladingen die passen bij uw zoekopdracht \"NL/BE/DE -> Oost-Europa\":")
                .L();
            var rows = new StringBuilder();
            for (var i = 1; i <= n; i++)
            {
                var o = c.Order("nl", ["NL", "DE", "FR"], ["PL", "CZ", "HU", "RO", "BG"]);
                var poster = c.Company(o.Load.Country, c.Pick(Data.Sectors));
                var person = c.Person(o.Load.Country == "NL" ? "nl" : o.Load.Country == "DE" ? "de" : "fr");
                var phone = c.Phone(o.Load.Country);
                var lane = $"{o.Load.Country} {o.Load.PostalCode} {o.Load.City}  ->  {o.Unload.Country} {o.Unload.PostalCode} {o.Unload.City}";
                var dates = $"laden: {WithWindow(o.LoadDate.ToString("dd-MM", System.Globalization.CultureInfo.InvariantCulture), l.Window(o.LoadWindow))} | lossen: {o.UnloadDate:dd-MM}";
                var goods = $"{o.Cargo}, {o.Pallets} pallets, {l.Decimal(o.WeightKg / 1000m)} t{(o.UnNumber is { } un ? $", ADR {un}" : "")}";
                var truck = $"{l.Vehicle(o.Vehicle)}{(o.TemperatureC is { } t ? $", {t.Min:+0;-0;0}/{t.Max:+0;-0;0} °C" : "")}";
                var price = c.Chance(0.7) ? $"€ {l.Number(o.Price)}" : "op aanvraag";
                text.L($"{i}. Lading {o.Reference}").L($"   {lane}").L($"   {dates}").L($"   lading: {goods}").L($"   wagen: {truck}")
                    .L($"   prijs: {price}").L($"   geplaatst door: {poster.Name} - {person.Full}, tel. {phone}").L();
                rows.Append("<tr><td>").Append(o.Reference).Append("</td><td><b>").Append(System.Net.WebUtility.HtmlEncode(lane).Replace("  -&gt;  ", "</b><br>&rarr; <b>", StringComparison.Ordinal))
                    .Append("</b></td><td>").Append(System.Net.WebUtility.HtmlEncode(dates)).Append("</td><td>").Append(System.Net.WebUtility.HtmlEncode(goods))
                    .Append("<br><i>").Append(System.Net.WebUtility.HtmlEncode(truck)).Append("</i></td><td>").Append(System.Net.WebUtility.HtmlEncode(price))
                    .Append("</td><td>").Append(System.Net.WebUtility.HtmlEncode($"{poster.Name}, {person.Full}, {phone}")).Append("</td></tr>\n");
            }
            text.L("Bekijk alle ladingen: https://app.laadradar.example/zoek").L()
                .L("U ontvangt dit bericht omdat u een zoekopdracht heeft ingesteld.")
                .L("LaadRadar B.V., Stationsplein 1, 3511 ED Utrecht");
            var html = "<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial\">\n<p>Goedemorgen,</p>\n" +
                       $"<p>er zijn <b>{n} nieuwe ladingen</b> voor uw zoekopdracht:</p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\">\n" +
                       "<tr><th>Nr</th><th>Traject</th><th>Data</th><th>Lading / wagen</th><th>Prijs</th><th>Aanbieder</th></tr>\n" +
                       rows + "</table>\n<p style=\"font-size:11px;color:#888\">LaadRadar B.V., Stationsplein 1, 3511 ED Utrecht</p></body></html>\n";
            var boundary = c.Boundary();
            var raw = Mime.Headers(
                ("From", "LaadRadar Vrachtbeurs <alerts@laadradar.example>"),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"{n} nieuwe ladingen voor uw zoekopdracht")),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("Auto-Submitted", "auto-generated"),
                ("MIME-Version", "1.0"),
                ("Content-Type", $"multipart/alternative;\n\tboundary=\"{boundary}\"")) + "\n" +
                Mime.Multipart(boundary,
                    Mime.TextPart("text/plain", text.ToString(), "utf-8", "quoted-printable"),
                    Mime.TextPart("text/html", html, "utf-8", "quoted-printable"));
            return Finish("nl-exchange-digest", mid, "bounce@alerts.laadradar.example", date, "order", n, raw);
        }

        public static GeneratedMessage RomanianForwarded(MessageContext c)
        {
            var l = Lang.All["ro"];
            var company = c.Company("RO", "Logistic");
            var p = c.Person("ro");
            var colleague = c.Person("pl");
            var colleagueEmail = $"{Mime.LocalPart(colleague)}@{Carrier}";
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("ro", ["RO"], ["PL", "DE", "CZ", "HU"]);
            var date = c.DateIn(1);
            var mid = c.MessageId("mail.gmail.example");
            var text = new TextLines()
                .L($"Kamil, przesyłam zlecenie od {company.Name} - proszą o potwierdzenie jeszcze dziś.")
                .L()
                .L(colleague.First)
                .L()
                .L("---------- Forwarded message ---------")
                .L($"De la: {p.Full} <{email}>")
                .L($"Date: {l.Weekday(DateOnly.FromDateTime(date.DateTime))}, {date.Day} {l.Months[date.Month - 1]} {date.Year}")
                .L($"Subject: Comandă transport {o.Reference}")
                .L($"To: {colleague.Full} <{colleagueEmail}>")
                .L()
                .L("Bună ziua,")
                .L()
                .L("Vă rugăm să preluați următoarea comandă:")
                .L()
                .L($"Nr. comandă: {o.Reference}")
                .L($"Încărcare: {WithWindow($"{l.Weekday(o.LoadDate)}, {o.LoadDate.Day} {l.Month(o.LoadDate)}", l.Window(o.LoadWindow))}")
                .L($"{o.LoadCompany}, {o.Load.Street}, {o.Load.PostalCode} {o.Load.City}, România")
                .L($"Descărcare: {WithWindow($"{l.Weekday(o.UnloadDate)}, {o.UnloadDate.Day} {l.Month(o.UnloadDate)}", l.Window(o.UnloadWindow))}")
                .L($"{o.UnloadCompany}, {o.Unload.Street}, {o.Unload.PostalCode} {o.Unload.City}, {Data.CountryName(o.Unload.Country, "ro")}")
                .L($"Marfă: {o.Cargo}, {o.Pallets} paleți, {l.Number(o.WeightKg)} kg")
                .L($"Camion: {l.Vehicle(o.Vehicle)}")
                .If(o.UnNumber is not null, $"ADR: {o.UnNumber}")
                .L($"Preț: {l.Number(o.Price)} EUR, plata la 60 de zile")
                .L()
                .L("Cu stimă,")
                .L(Signature(c, p, "Dispecer", company, "ro", email))
                .ToString();
            var raw = Mime.Headers(
                ("From", Mime.Address(colleague.Full, colleagueEmail)),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"Fwd: Comandă transport {o.Reference} {o.Load.City} - {o.Unload.City}")),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/plain", text, "UTF-8", "quoted-printable");
            return Finish("ro-forwarded-order", mid, colleagueEmail, date, "order", 1, raw);
        }
    }
    /// <summary>Templates whose messages are invoices or other mail.</summary>
    internal static class OtherTemplates
    {
        private const string Carrier = "vistula-haulage.example";

        public static GeneratedMessage ReplyConfirmation(MessageContext c)
        {
            var company = c.Company(c.Pick(new[] { "GB", "NL", "DE" }), "Freight");
            var p = c.Person("en");
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var o = c.Order("en", ["DE", "NL", "GB"], ["PL", "CZ"]);
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain);
            var reg = $"EL {c.Between(1000, 9999)}{(char)('A' + c.Between(0, 25))}";
            var text = new TextLines()
                .L(c.Pick(new[] { $"Thanks Kamil, regs noted ({reg}). Slot confirmed, reference stays {o.Reference}.", $"Confirmed - truck {reg} is fine for us. Thanks!", "Noted with thanks, see you at loading." }))
                .L()
                .L(p.First)
                .L()
                .L("-----Original Message-----")
                .L($"From: Kamil Nowicki <k.nowicki@{Carrier}>")
                .L($"Sent: {date.AddHours(-2):dd MMMM yyyy HH:mm}")
                .L($"Subject: RE: Booking {o.Reference}")
                .L()
                .L($"Truck {reg}, driver on +48 600 555 {c.Between(100, 999)}, will be at loading as requested.")
                .L()
                .L($"> Collection: {o.LoadDate:dd/MM/yyyy}, {o.Load.Street}, {o.Load.PostalCode} {o.Load.City}")
                .L($"> Delivery: {o.UnloadDate:dd/MM/yyyy}, {o.Unload.PostalCode} {o.Unload.City}")
                .L($"> {o.Pallets} pallets, {o.WeightKg} kg, rate EUR {o.Price}")
                .ToString();
            var raw = Mime.Headers(
                ("From", Mime.Address(p.Full, email)),
                ("To", $"Kamil Nowicki <k.nowicki@{Carrier}>"),
                ("Subject", $"RE: Booking {o.Reference} - {Mime.Header(o.Load.City)}"),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("In-Reply-To", $"<{c.Rng.Next():x8}.{c.Index}@{Carrier}>"),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/plain", text, "utf-8", "quoted-printable");
            return OrderTemplates.Finish("en-reply-confirmation", mid, email, date, "other", 0, raw);
        }

        public static GeneratedMessage InvoiceWithPdf(MessageContext c)
        {
            var hungarian = c.Chance(0.5);
            var company = c.Company(hungarian ? "HU" : "PL", hungarian ? "Gumiszerviz" : "Serwis");
            var email = $"{(hungarian ? "szamlazas" : "faktury")}@{company.Domain}";
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain);
            var number = hungarian ? $"2026/GSZ-{c.Between(10000, 99999)}" : $"FV/{c.Between(1, 12):D2}/2026/{c.Between(100, 9999)}";
            var amount = $"{c.Between(120, 9800)},{c.Between(0, 99):D2}";
            var text = hungarian
                ? new TextLines().L("Tisztelt Partnerünk!").L().L($"Mellékelten küldjük a {number} számú számlánkat.").L($"Fizetendő: {amount} EUR")
                    .L($"Fizetési határidő: {date.AddDays(15):yyyy.MM.dd.}").L().L("Üdvözlettel:").L(company.Name).ToString()
                : new TextLines().L("Dzień dobry,").L().L($"w załączeniu przesyłamy fakturę nr {number}.").L($"Kwota do zapłaty: {amount} zł brutto")
                    .L($"Termin płatności: {date.AddDays(14):dd.MM.yyyy}").L().L("Pozdrawiamy").L(company.Name).ToString();
            var charset = hungarian ? "iso-8859-2" : "utf-8";
            var pdf = Encoding.ASCII.GetBytes(
                "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
                "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n" +
                $"% invoice {number} amount {amount} padding {new string('x', c.Between(200, 4000))}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
            var boundary = c.Boundary();
            var file = $"{number.Replace('/', '_')}.pdf";
            var raw = Mime.Headers(
                ("From", Mime.Address(company.Name, email, charset)),
                ("To", $"ksiegowosc@{Carrier}"),
                ("Subject", Mime.Header(hungarian ? $"Számla {number}" : $"Faktura {number}", charset)),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("MIME-Version", "1.0"),
                ("Content-Type", $"multipart/mixed; boundary=\"{boundary}\"")) + "\nThis is a multi-part message in MIME format.\n" +
                Mime.Multipart(boundary,
                    Mime.TextPart("text/plain", text, charset, "quoted-printable"),
                    $"Content-Type: application/pdf; name=\"{file}\"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"{file}\"\n\n{Mime.Base64(pdf)}");
            return OrderTemplates.Finish("invoice-with-pdf", mid, email, date, "invoice", 0, raw);
        }

        public static GeneratedMessage PaymentReminder(MessageContext c)
        {
            var company = c.Company("DE", "Leasing");
            var email = $"forderungen@{company.Domain}";
            var date = c.DateIn(1);
            var mid = c.MessageId(company.Domain);
            var number = $"RL-2026-{c.Between(1, 12):D2}-{c.Between(1000, 9999)}";
            var place = c.Pick(Data.Places.Where(x => x.Country == "DE").ToArray());
            var text = new TextLines()
                .L("Sehr geehrte Damen und Herren,").L()
                .L("bei der Durchsicht unserer Konten haben wir festgestellt, dass folgende Rechnung noch offen ist:").L()
                .L($"Rechnung:      {number}")
                .L($"Leistung:      Miete Sattelauflieger, Übergabe {place.City}")
                .L($"Betrag:        {c.Between(800, 4800)},00 EUR")
                .L($"Fällig seit:   {date.AddDays(-c.Between(3, 30)):dd.MM.yyyy}").L()
                .L("Bitte überweisen Sie den Betrag innerhalb von 7 Tagen. Sollte sich Ihre Zahlung mit diesem")
                .L("Schreiben überschnitten haben, betrachten Sie es bitte als gegenstandslos.").L()
                .L("Mit freundlichen Grüßen").L("Forderungsmanagement").L(company.Name).L($"{place.Street} · {place.PostalCode} {place.City}")
                .ToString();
            var raw = Mime.Headers(
                ("From", Mime.Address($"{company.Name} Forderungsmanagement", email)),
                ("To", $"buchhaltung@{Carrier}"),
                ("Subject", Mime.Header($"Zahlungserinnerung – Rechnung {number}", "windows-1252")),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/plain", text, "windows-1252", "quoted-printable");
            return OrderTemplates.Finish("de-payment-reminder", mid, email, date, "invoice", 0, raw);
        }

        public static GeneratedMessage OutOfOffice(MessageContext c)
        {
            var lang = c.Pick(new[] { "de", "en", "fr" });
            var company = c.Company(lang == "de" ? "DE" : lang == "fr" ? "FR" : "GB", "Logistics");
            var p = c.Person(lang);
            var email = $"{Mime.LocalPart(p)}@{company.Domain}";
            var date = c.DateIn(1);
            var back = date.AddDays(c.Between(2, 14));
            var mid = c.MessageId(company.Domain);
            var (subject, text) = lang switch
            {
                "de" => ("Automatische Antwort: ", $"Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich {back:dd.MM.yyyy} nicht im Büro.\nIn dringenden Fällen wenden Sie sich bitte an dispo@{company.Domain}.\n\n{p.Full}\n{company.Name}\n"),
                "fr" => ("Réponse automatique : ", $"Bonjour,\n\nJe suis absent du bureau jusqu'au {back:dd/MM/yyyy}. Pour toute urgence : exploitation@{company.Domain}.\n\nCordialement,\n{p.Full}\n"),
                _ => ("Automatic reply: ", $"Thank you for your email. I am out of the office until {back:d MMMM yyyy} with limited access to email.\nFor urgent matters please contact ops@{company.Domain}.\n\n{p.Full}\n{company.Name}\n"),
            };
            var raw = Mime.Headers(
                ("From", Mime.Address(p.Full, email)),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"{subject}RE: Order {c.Pick(Data.ReferencePatterns)(c)}")),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("Auto-Submitted", "auto-replied"),
                ("X-Auto-Response-Suppress", "All"),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/plain", text, "utf-8", "quoted-printable");
            return OrderTemplates.Finish("out-of-office", mid, email, date, "other", 0, raw);
        }

        public static GeneratedMessage Newsletter(MessageContext c)
        {
            var date = c.DateIn(1);
            var mid = c.MessageId("news.transportal.example");
            var token = $"{c.Rng.Next():x8}";
            var rows = string.Concat(Enumerable.Range(0, 4).Select(_ =>
            {
                var from = c.Pick(new[] { "PL", "DE", "CZ", "FR", "IT" });
                var to = c.Pick(new[] { "DE", "PL", "NL", "ES", "HU" });
                return $"<tr><td>{from} &rarr; {to}</td><td>1,{c.Between(10, 60)}</td><td>{(c.Chance(0.5) ? "+" : "&minus;")}{c.Between(1, 40) / 10.0:0.0}&nbsp;%</td></tr>\n";
            }));
            var html = $"""
                <!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>TransPortal</title></head>
                <body style="margin:0;background:#eef1f4;font-family:Helvetica,Arial,sans-serif">
                <table width="620" cellpadding="0" cellspacing="0" style="background:#fff;margin:auto">
                <tr><td style="background:#004b87;color:#fff;padding:16px;font-size:20px"><b>TransPortal</b> &ndash; przegląd tygodnia</td></tr>
                <tr><td style="padding:16px">
                <h3>Stawki frachtowe (EUR/km)</h3>
                <table border="1" cellpadding="4" cellspacing="0">{rows}</table>
                <h3>Zakazy ruchu</h3><p>Sprawdź kalendarz zakazów ruchu dla pojazdów powyżej 7,5&nbsp;t w najbliższe święta.</p>
                <p style="background:#fff4d6;padding:10px">Webinar &bdquo;Pakiet mobilności&rdquo; &ndash; bezpłatnie, zapisy na stronie.</p>
                </td></tr>
                <tr><td style="padding:16px;font-size:11px;color:#888"><a href="https://news.transportal.example/u/{token}">Wypisz się</a> &middot; TransPortal Sp. z o.o., ul. Okopowa 58, 01-042 Warszawa</td></tr>
                </table><img src="https://news.transportal.example/o/{token}.gif" width="1" height="1" alt="">
                </body></html>

                """;
            var raw = Mime.Headers(
                ("From", "TransPortal <newsletter@news.transportal.example>"),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header("Przegląd tygodnia: stawki frachtowe, zakazy ruchu, webinar")),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("Precedence", "bulk"),
                ("List-Id", "TransPortal Newsletter <newsletter.transportal.example>"),
                ("List-Unsubscribe", $"<https://news.transportal.example/u/{token}>,\n <mailto:unsubscribe@news.transportal.example?subject={token}>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/html", html, "utf-8", c.Chance(0.5) ? "quoted-printable" : "base64");
            return OrderTemplates.Finish("newsletter", mid, "nl-bounce@news.transportal.example", date, "other", 0, raw);
        }

        public static GeneratedMessage TrackingUpdate(MessageContext c)
        {
            var date = c.DateIn(1);
            var mid = c.MessageId($"track.{Carrier}");
            var place = c.Pick(Data.Places);
            var reference = c.Pick(Data.ReferencePatterns)(c);
            // Lines starting with "From " exercise the mbox >From escaping on both sides.
            var text = new TextLines()
                .L($"Status update for order {reference}")
                .L()
                .L($"From the driver at {date:HH:mm}: truck arrived at {place.City} ({place.PostalCode}), {c.Pick(new[] { "loading started", "waiting at the gate", "unloading finished" })}.")
                .If(c.Chance(0.3), ">From the previous stop: pallets exchanged 1:1.")
                .L()
                .L("This message was sent automatically by the tracking service.")
                .ToString();
            var raw = Mime.Headers(
                ("From", $"Vistula Tracking <tracking@track.{Carrier}>"),
                ("To", $"dispo@{Carrier}"),
                ("Subject", Mime.Header($"{reference}: status {place.City}")),
                ("Date", Mime.Date(date)),
                ("Message-ID", mid),
                ("Auto-Submitted", "auto-generated"),
                ("MIME-Version", "1.0")) + Mime.TextPart("text/plain", text, "utf-8", "8bit");
            return OrderTemplates.Finish("tracking-update", mid, $"tracking@track.{Carrier}", date, "other", 0, raw);
        }
    }

    /// <summary>About 3 % of the workload: messages a reader must survive and quarantine.</summary>
    internal static class MalformedTemplates
    {
        public static GeneratedMessage Build(MessageContext c)
        {
            switch (c.Rng.Next(4))
            {
                case 0:
                {
                    // A multipart message cut off mid-part: no closing boundary, half a base64 line.
                    var whole = OrderTemplates.PolishOrder(c);
                    var cut = whole.Bytes.Length * c.Between(45, 85) / 100;
                    return whole with { Template = "malformed-truncated-multipart", Classification = null, OrderCount = 0, Bytes = whole.Bytes[..cut] };
                }
                case 1:
                {
                    // Declared as text but the body is random binary (NULs, bare CRs, invalid UTF-8).
                    var date = c.DateIn(1);
                    var mid = c.MessageId("scanner.example");
                    var head = Encoding.ASCII.GetBytes(Mime.Headers(
                        ("From", "scanner@scanner.example"), ("To", "dispo@vistula-haulage.example"), ("Subject", "Scan"),
                        ("Date", Mime.Date(date)), ("Message-ID", mid), ("MIME-Version", "1.0"),
                        ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit")) + "\n");
                    var garbage = new byte[c.Between(512, 16384)];
                    c.Rng.NextBytes(garbage);
                    return new GeneratedMessage("malformed-binary-body", mid, "scanner@scanner.example", date, null, 0, [.. head, .. garbage]);
                }
                case 2:
                {
                    // No header block at all: only bytes.
                    var garbage = new byte[c.Between(64, 4096)];
                    c.Rng.NextBytes(garbage);
                    return new GeneratedMessage("malformed-no-headers", null, "MAILER-DAEMON", c.DateIn(0), null, 0, garbage);
                }
                default:
                {
                    // Headers missing: no From, no Date, no Message-ID; an unterminated header line.
                    var text = "Subject: =?utf-8?B?WmxlY2VuaWU=\nX-Broken-Header\nContent-Type: multipart/mixed; boundary=\"nowhere\"\n\n" +
                               "--nowhere\nContent-Type: text/plain\n\nZaladunek jutro, szczegoly w zalaczniku.\n";
                    return new GeneratedMessage("malformed-missing-headers", null, "MAILER-DAEMON", c.DateIn(0), null, 0, Encoding.ASCII.GetBytes(text));
                }
            }
        }
    }
}
