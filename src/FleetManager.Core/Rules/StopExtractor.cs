using System.Text.RegularExpressions;
using FleetManager.Core.Geo;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Stops;
using FleetManager.Core.Rules.Vocabularies;

namespace FleetManager.Core.Rules;

/// <summary>
/// Finds the loading and unloading stops of one order block, in travel order. Each strategy is a
/// reader of its own, tried from the most to the least explicit evidence:
/// <list type="number">
/// <item><see cref="LoadListRowStopReader"/>: the block's row of a load list (table, CSV/XLSX);</item>
/// <item><see cref="LabelledSectionStopReader"/>: labelled sections and route one-liners;</item>
/// <item><see cref="PlaceStructureStopReader"/>: the language-independent backbone, postal code +
/// place pairs the gazetteer confirms, in their order in the text, with the dates next to them;</item>
/// <item><see cref="ProseStopReader"/>: the first and last places named in the prose.</item>
/// </list>
/// <see cref="StopFragmentMerger"/> joins the fragments into stops. The gazetteer and the clock are
/// passed in; the per-document memo travels with the document (<see cref="RulesDocument.StopReading"/>).
/// </summary>
public sealed partial class StopExtractor
{
    private readonly TimeProvider _time;
    private readonly OfflineGazetteer _gazetteer;
    private readonly PlaceStructureStopReader _placeStructure;
    private readonly SharedStopReader _shared;

    /// <summary>An extractor on the system clock and the embedded gazetteer.</summary>
    public StopExtractor()
        : this(OfflineGazetteer.Shared, TimeProvider.System)
    {
    }

    /// <summary>An extractor on the embedded gazetteer.</summary>
    public StopExtractor(TimeProvider time)
        : this(OfflineGazetteer.Shared, time)
    {
    }

    /// <param name="gazetteer">Confirms places and gives a city's country.</param>
    /// <param name="time">The clock that dates a message without a <c>Date:</c> header.</param>
    public StopExtractor(OfflineGazetteer gazetteer, TimeProvider time)
    {
        _gazetteer = gazetteer;
        _time = time;
        _placeStructure = new PlaceStructureStopReader(gazetteer);
        _shared = new SharedStopReader(_placeStructure);
    }

    /// <summary>The stops of <paramref name="block"/>, with the document's own memo.</summary>
    public IReadOnlyList<Stop> Extract(RulesDocument document, OrderBlock block, IDictionary<string, TextSpan> sources) =>
        Extract(document.StopReading(EmailDate(document), _gazetteer), block, sources);

    /// <summary>
    /// The stops of <paramref name="block"/>, completed by <paramref name="shared"/>: a place stated once
    /// for all orders of the message stands in for a kind of stop the block does not name.
    /// </summary>
    internal IReadOnlyList<Stop> Extract(RulesDocument document, OrderBlock block, IDictionary<string, TextSpan> sources, IReadOnlyList<StopFragment>? shared) =>
        Extract(document.StopReading(EmailDate(document), _gazetteer), block, sources, shared);

    /// <summary>The one stop type of the fragments that have a place, or null when both types have one.</summary>
    private static StopType? OnlyPlacesOf(List<StopFragment> fragments)
    {
        StopType? found = null;
        foreach (var f in fragments)
        {
            if (f.HasPlace)
            {
                if (found is not null && found != f.Type)
                {
                    return null;
                }

                found = f.Type;
            }
        }

        return found;
    }

    /// <summary>The places stated once for every order in <paramref name="ranges"/> of <paramref name="document"/> (<see cref="SharedStopReader"/>).</summary>
    internal List<StopFragment> SharedStops(RulesDocument document, IReadOnlyList<OrderBlock> ranges)
    {
        var reading = document.StopReading(EmailDate(document), _gazetteer);
        var lines = new List<TextLine>();
        foreach (var range in ranges)
        {
            lines.AddRange(TextLine.Split(document.Text, range.Start, range.End));
            lines.Add(new TextLine(range.End, ""));
        }

        return _shared.Read(lines, reading);
    }

    /// <summary>The date that completes dates written without a year: the message's, else today.</summary>
    internal DateOnly EmailDate(RulesDocument document) => DateOnly.FromDateTime((document.Email.Date ?? _time.GetUtcNow()).Date);

    /// <summary>The stops of <paramref name="block"/>, reading through <paramref name="reading"/> (the memo shared by the document's blocks).</summary>
    internal IReadOnlyList<Stop> Extract(StopReading reading, OrderBlock block, IDictionary<string, TextSpan> sources, IReadOnlyList<StopFragment>? shared = null)
    {
        var document = reading.Document;
        var language = StopDocumentLanguage.Of(reading);
        var fragments = LoadListRowStopReader.Read(reading, block);
        // A row that gave dates but no place (an address cell broken over lines) leaves the places to the text readers.
        if (!fragments.Exists(f => f.HasPlace))
        {
            var start = Math.Max(block.Start, BlockReadStart(document, block));
            var lines = TextLine.Split(document.Text, start, block.End);
            fragments = LabelledSectionStopReader.Read(lines, reading, document.AttachmentStarts);
            if (!fragments.Any(f => f.HasPlace))
            {
                fragments = _placeStructure.Read(lines, reading, document.AttachmentStarts);
                if (fragments.Count == 0)
                {
                    fragments = ProseStopReader.Read(lines, reading, document.AttachmentStarts);
                }
            }
            else if (OnlyPlacesOf(fragments) is { } found)
            {
                // Labels gave one side only ("Beladestelle: …" above "Entladung am 26. März … in 80-299 Gdańsk"): the
                // prose gives the other.
                var other = ProseStopReader.Read(lines, reading, document.AttachmentStarts).FindAll(f => f.HasPlace && f.Type != found);
                fragments.InsertRange(found == StopType.Loading ? fragments.Count : 0, other);
            }
        }

        if (shared is { Count: > 0 })
        {
            foreach (var place in shared)
            {
                if (!fragments.Exists(f => f.HasPlace && f.Type == place.Type))
                {
                    fragments.Insert(place.Type == StopType.Loading ? 0 : fragments.Count, SharedStopReader.CopyOf(place));
                }
            }
        }

        var merged = StopFragmentMerger.Merge(fragments);
        var stops = new List<Stop>(merged.Count);
        foreach (var f in merged)
        {
            var index = stops.Count;
            var stop = ToStop(f, language);
            stops.Add(stop);
            if (f.Place is not null || f.BareCity is not null)
            {
                var length = f.Place?.Length ?? f.BareCity!.Length;
                sources[$"stops[{index}].city"] = new TextSpan(f.PlaceOffset, length);
                if (stop.PostalCode is not null)
                {
                    sources[$"stops[{index}].postal_code"] = new TextSpan(f.PlaceOffset, length);
                }
            }

            if (f.Date is not null)
            {
                sources[$"stops[{index}].date"] = new TextSpan(f.DateOffset, f.DateLength);
            }
        }

        CountryFromSiblings(stops);
        SameDayAsLoading(stops, document, block);
        return stops;
    }

    /// <summary>"The same day" in any language of the files (<c>stop.same_day</c>).</summary>
    private static readonly PhraseSet SameDay = PhraseSet.Of("stop.same_day");

    /// <summary>
    /// "com descarga no mesmo dia até às 17h00", "Entladung am selben Tag": an unloading without a date in a block that says
    /// the same day is on the day of the loading before it.
    /// </summary>
    private static void SameDayAsLoading(List<Stop> stops, RulesDocument document, OrderBlock block)
    {
        var loading = stops.FindIndex(s => s is { Type: StopType.Loading, Date: not null });
        if (loading < 0 || !stops.Exists(s => s is { Type: StopType.Unloading, Date: null })
            || !SameDay.IsInText(document.Text.AsSpan(block.Start, block.End - block.Start)))
        {
            return;
        }

        for (var i = loading + 1; i < stops.Count; i++)
        {
            if (stops[i] is { Type: StopType.Unloading, Date: null })
            {
                stops[i] = stops[i] with { Date = stops[loading].Date };
            }
        }
    }

    /// <summary>
    /// A stop whose all-digit code no reading placed in a country (a town the gazetteer does not know, "24223
    /// Schwentinental") takes the one country of the order's other stops when that country's codes have its length: the
    /// drops of a multi-stop order are mostly in one country.
    /// </summary>
    private static void CountryFromSiblings(List<Stop> stops)
    {
        for (var i = 0; i < stops.Count; i++)
        {
            if (stops[i] is not { Country: null, PostalCode: { } code } || !code.All(char.IsAsciiDigit))
            {
                continue;
            }

            // The other drops (or pick-ups) first: a loading in Poland does not stop three drops in Germany from agreeing.
            var type = stops[i].Type;
            var country = OneCountry(stops.Where(s => s.Type == type)) ?? (stops.Count > 2 ? OneCountry(stops) : null);
            if (country is not null && LanguageHomeCountry.PostalDigitsOf(country) == code.Length)
            {
                stops[i] = stops[i] with { Country = country };
            }
        }
    }

    /// <summary>The one country of the stops that have one, or null when they have none or several.</summary>
    private static string? OneCountry(IEnumerable<Stop> stops) =>
        stops.Where(s => s.Country is not null).Select(s => s.Country!).Distinct(StringComparer.Ordinal).ToList() is [var country] ? country : null;

    /// <summary>A block that covers the whole message skips the subject line (its route is repeated in the body).</summary>
    private static int BlockReadStart(RulesDocument document, OrderBlock block) => block.Start == 0 ? document.BodyStart : block.Start;

    private Stop ToStop(StopFragment f, string? language)
    {
        var place = f.Place;
        string? postal = null;
        string? city = f.BareCity;
        string? country = f.Country;
        if (place is not null)
        {
            string? prefixCountry = null;
            postal = place.PostalCode.Length == 0 ? null : NormalisePostal(place.PostalCode, out prefixCountry);
            city = place.City.Length == 0 ? city : place.City;
            if (place.TownBeforeCounty is { } town && !_gazetteer.IsKnownCity(place.City) && _gazetteer.IsKnownCity(town))
            {
                // "Telford, Shropshire TF3 3AT": the county is not the city.
                city = town;
            }

            country ??= ShapeCountryCorrected(place, city) ?? HomeOverShape(place, city, language) ?? place.Country ?? prefixCountry ?? DefaultCountry(place, language);
        }

        return new Stop
        {
            Type = f.Type,
            // The format has null, never an empty string, for what the mail does not give.
            Company = string.IsNullOrWhiteSpace(f.Company) ? null : f.Company,
            Address = string.IsNullOrWhiteSpace(f.Address) ? null : f.Address,
            PostalCode = postal,
            City = string.IsNullOrWhiteSpace(city) ? null : city,
            Country = country,
            Date = f.Date,
            TimeFrom = f.Window.From,
            TimeTo = f.Window.To,
        };
    }

    /// <summary>
    /// A country guessed from the code's shape alone ("570 22" looks Czech) gives way to the gazetteer
    /// when no place of that name is in the guessed country and the name belongs to another one
    /// ("570 22 Σίνδος" is Greek, "506 30 Borås" Swedish). Null when the guess stands.
    /// </summary>
    private string? ShapeCountryCorrected(PostalPlace place, string? city)
    {
        if (!place.CountryFromShape || place.Country is null || string.IsNullOrWhiteSpace(city))
        {
            return null;
        }

        if (_gazetteer.TryFind(city, place.Country, out var entry) && entry.CountryCode == place.Country)
        {
            return null;
        }

        return _gazetteer.CountryOf(city) is { } named && named != place.Country ? named : null;
    }

    /// <summary>
    /// A country guessed from the code's shape alone gives way to the home country of the mail's language
    /// when that country writes codes of the same length and the gazetteer does not place the name in the
    /// guessed country ("570 22 Σίνδος" in a Greek mail is Greek, not Czech). Null when the guess stands.
    /// </summary>
    private string? HomeOverShape(PostalPlace place, string? city, string? language)
    {
        if (!place.CountryFromShape || place.Country is null || string.IsNullOrWhiteSpace(city)
            || LanguageHomeCountry.For(language, place.Digits) is not { } home || home == place.Country)
        {
            return null;
        }

        return _gazetteer.TryFind(city, place.Country, out var entry) && entry.CountryCode == place.Country ? null : home;
    }

    /// <summary>
    /// Without a prefix or a name, a code's shape plus the document's language decide ("Beladestelle ... 61118 Bad Vilbel" is
    /// German). A town of the language's home country wins over a bigger namesake abroad when its codes have that length
    /// ("3400 Lier" in a Norwegian plan is Lier in Norway, not in Belgium; "5003 Bergen" is not in the Netherlands).
    /// </summary>
    private string? DefaultCountry(PostalPlace place, string? language)
    {
        if (LanguageHomeCountry.For(language, place.Digits) is { } home && _gazetteer.TryFind(place.City, home, out var homeTown) && homeTown.CountryCode == home)
        {
            return home;
        }

        if (_gazetteer.CountryOf(place.City) is { } known)
        {
            return known;
        }

        // "46024 Valencia": of the namesakes (Valencia in Venezuela is bigger), only one is in a country whose codes
        // have the place's digits.
        if (place.Digits > 0 && OnlyCountryWithCodeLength(place.City, place.Digits) is { } fitting)
        {
            return fitting;
        }

        if (place.ItalianProvince)
        {
            return "IT";
        }

        if (place.Digits == 4 && place.City.Any(c => c is >= 'А' and <= 'я'))
        {
            return "BG";
        }

        return LanguageHomeCountry.For(language, place.Digits);
    }

    /// <summary>The one country among the gazetteer's places named <paramref name="city"/> whose codes have <paramref name="digits"/> digits, or null.</summary>
    private string? OnlyCountryWithCodeLength(string city, int digits)
    {
        string? found = null;
        foreach (var entry in _gazetteer.FindAll(city))
        {
            if (LanguageHomeCountry.PostalDigitsOf(entry.CountryCode) == digits && entry.CountryCode != found)
            {
                if (found is not null)
                {
                    return null;
                }

                found = entry.CountryCode;
            }
        }

        return found;
    }

    /// <summary>The spec's national form: "DE-80331" → "80331", "PL 02-672" → "02-672", "LT-51329" → "51329"; inner spaces kept.</summary>
    internal static string NormalisePostal(string code, out string? prefixCountry)
    {
        prefixCountry = null;
        var m = PostalPrefix().Match(code.Trim());
        if (m.Success && StopCountryNames.FromCode(m.Groups[1].Value) is { } iso)
        {
            prefixCountry = iso;
            return code.Trim()[m.Length..];
        }

        return code.Trim();
    }

    [GeneratedRegex(@"^([A-Z]{1,3})[-\s]")]
    private static partial Regex PostalPrefix();
}
