using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;
using FleetManager.Core.Rules.Stops;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules;

/// <summary>
/// Finds the loading and unloading stops of one order block, in travel order: from a load-list row,
/// from labelled sections ("Beladestelle:", "COLLECTION", "Załadunek:", "Pick-up | ..."), from route
/// one-liners ("DE-85386 Eching -> PL-02-672 Warszawa"), and as a last resort from the places named
/// in the prose. Sign-offs and everything after them up to a forwarded message are never read, so
/// the sender's own address is not taken for a stop.
/// </summary>
public sealed partial class StopExtractor
{
    /// <summary>The document last read on this thread: its blocks are extracted one after another.</summary>
    [ThreadStatic]
    private static StopReading? t_reading;

    private readonly TimeProvider _time;

    public StopExtractor()
        : this(TimeProvider.System)
    {
    }

    public StopExtractor(TimeProvider time) => _time = time;

    public IReadOnlyList<Stop> Extract(RulesDocument document, OrderBlock block, IDictionary<string, TextSpan> sources)
    {
        var emailDate = DateOnly.FromDateTime((document.Email.Date ?? _time.GetUtcNow()).Date);
        var text = document.Text;
        var reading = ReadingOf(document, emailDate);
        var language = DocumentLanguage(reading);
        var fragments = FromLoadListRow(reading, block, emailDate);
        if (fragments.Count == 0)
        {
            var start = Math.Max(block.Start, BlockReadStart(document, block));
            var lines = TextLine.Split(text, start, block.End);
            fragments = FromSectionsAndRoutes(lines, reading, document.AttachmentStarts);
            if (!fragments.Any(f => f.HasPlace))
            {
                fragments = FromProse(lines, reading, document.AttachmentStarts);
            }
        }

        var merged = Merge(fragments);
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

        return stops;
    }

    /// <summary>The per-document memo of what the stop readers found, shared by the document's blocks.</summary>
    private static StopReading ReadingOf(RulesDocument document, DateOnly emailDate)
    {
        var reading = t_reading;
        if (reading is null || !ReferenceEquals(reading.Document, document) || reading.EmailDate != emailDate)
        {
            reading = new StopReading(document, emailDate);
            t_reading = reading;
        }

        return reading;
    }

    /// <summary>A block that covers the whole message skips the subject line (its route is repeated in the body).</summary>
    private static int BlockReadStart(RulesDocument document, OrderBlock block) => block.Start == 0 ? document.BodyStart : block.Start;

    private static List<StopFragment> FromLoadListRow(StopReading reading, OrderBlock block, DateOnly emailDate)
    {
        var document = reading.Document;
        var result = new List<StopFragment>();
        if (!reading.LoadListKnown)
        {
            reading.LoadList = LoadListTable.Find(document.Text, 0, document.Text.Length);
            reading.LoadListKnown = true;
        }

        var table = reading.LoadList;
        if (table is null)
        {
            return result;
        }

        foreach (var (rowStart, rowLength) in table.Rows)
        {
            if (rowStart < block.Start || rowStart >= block.End)
            {
                continue;
            }

            var cells = table.Cells(document.Text.Substring(rowStart, rowLength));
            var offsets = new int[cells.Length];
            var running = 0;
            var rawCells = document.Text.Substring(rowStart, rowLength).Split(table.Separator);
            for (var i = 0; i < rawCells.Length && i < offsets.Length; i++)
            {
                offsets[i] = rowStart + running;
                running += rawCells[i].Length + table.Separator.Length;
            }

            foreach (var type in new[] { StopType.Loading, StopType.Unloading })
            {
                var f = new StopFragment { Type = type, Position = rowStart + (type == StopType.Loading ? 0 : 1) };
                string? postal = null, city = null, street = null;
                var cityOffset = rowStart;
                for (var i = 0; i < cells.Length && i < table.Columns.Length; i++)
                {
                    var column = table.Columns[i];
                    var cell = cells[i];
                    if (column.Type != type || cell.Length == 0)
                    {
                        continue;
                    }

                    switch (column.Field)
                    {
                        case LoadListField.PostalCode: postal = cell; break;
                        case LoadListField.City: city = cell; cityOffset = offsets[i]; break;
                        case LoadListField.Country: f.Country = StopCountryNames.FromName(cell); break;
                        case LoadListField.Address: street = cell; break;
                        case LoadListField.Company: f.Company = cell; break;
                        case LoadListField.Date:
                            if (DateExpressionParser.FindFirst(cell, emailDate) is { } d)
                            {
                                f.Date = d.Date;
                                f.DateOffset = offsets[i] + d.Index;
                                f.DateLength = d.Length;
                                if (f.Window.IsEmpty)
                                {
                                    f.Window = TimeWindowParser.Parse(Blank(cell, d));
                                }
                            }

                            break;
                        case LoadListField.Time: f.Window = TimeWindowParser.Parse(cell); break;
                        case LoadListField.Place:
                            var places = PostalPlaceParser.FindAll(cell);
                            if (places.Count > 0)
                            {
                                f.Place = places[0];
                                f.PlaceOffset = offsets[i] + places[0].Index;
                            }
                            else
                            {
                                city ??= cell;
                                cityOffset = offsets[i];
                            }

                            break;
                    }
                }

                if (f.Place is null && (postal is not null || city is not null))
                {
                    var code = postal is null ? null : NormalisePostal(postal, out _);
                    var cityName = city ?? "";
                    f.Place = new PostalPlace(cityOffset - rowStart, cityName.Length, code ?? "", cityName, f.Country ?? (code is null ? null : PostalPlaceParser.PatternCountry(code)), code?.Count(char.IsAsciiDigit) ?? 0, false);
                    f.PlaceOffset = cityOffset;
                }

                f.Address = string.Join(", ", new[] { street, string.Join(' ', new[] { postal, city }.Where(s => !string.IsNullOrEmpty(s))), f.Country }.Where(s => !string.IsNullOrEmpty(s)));
                if (f.HasPlace || f.Date is not null)
                {
                    result.Add(f);
                }
            }
        }

        return result;
    }

    private static string Blank(string text, DateMatch d) => string.Concat(text.AsSpan(0, d.Index), new string(' ', d.Length), text.AsSpan(d.Index + d.Length));

    /// <summary>Walks the lines as sections opened by stop labels; route one-liners give both ends at once.</summary>
    private static List<StopFragment> FromSectionsAndRoutes(List<TextLine> lines, StopReading reading, IReadOnlyList<int> partStarts)
    {
        var fragments = new List<StopFragment>();
        StopSection? current = null;
        StopSection? lastClosed = null;
        var inSignature = false;
        var blankRun = 0;

        void Close()
        {
            if (current is not null)
            {
                fragments.Add(current.ToFragment());
                lastClosed = current;
                current = null;
            }
        }

        foreach (var line in lines)
        {
            var text = line.Text;
            if (SignatureMarkers.IsForwardStart(text) || partStarts.Contains(line.Start))
            {
                Close();
                inSignature = false;
                continue;
            }

            if (inSignature)
            {
                continue;
            }

            if (SignatureMarkers.IsClosing(text))
            {
                Close();
                inSignature = true;
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                blankRun++;
                if (current is not null && (current.HasPlace || blankRun >= 2))
                {
                    Close();
                }

                continue;
            }

            blankRun = 0;
            var route = ReadRoute(line, reading);
            if (route is not null)
            {
                Close();
                fragments.AddRange(route);
                continue;
            }

            var label = reading.Label(text);
            if (label is null)
            {
                current?.Add(line, 0, isDateLine: false);
                continue;
            }

            var kind = label.Value.Kind;
            var valueStart = label.Value.ValueStart;
            switch (kind)
            {
                case StopLabelKind.Loading or StopLabelKind.Unloading:
                    var type = kind == StopLabelKind.Loading ? StopType.Loading : StopType.Unloading;
                    if (current is not null && current.Type == type && !current.HasPlace && current.Date is null)
                    {
                        current.Add(line, valueStart, isDateLine: false);
                    }
                    else
                    {
                        Close();
                        current = new StopSection(type, line.Start, reading);
                        current.Add(line, valueStart, isDateLine: false);
                    }

                    break;
                case StopLabelKind.LoadingDate or StopLabelKind.UnloadingDate:
                    var dateType = kind == StopLabelKind.LoadingDate ? StopType.Loading : StopType.Unloading;
                    if (current is not null && current.Type == dateType)
                    {
                        current.Add(line, valueStart, isDateLine: true);
                    }
                    else if (current is null && lastClosed is not null && lastClosed.Type == dateType && lastClosed.Date is null && fragments.Count > 0 && ReferenceEquals(fragments[^1].Origin, lastClosed))
                    {
                        // "Laden: ...address" then, after a blank line, "Laaddatum: ..."
                        lastClosed.Add(line, valueStart, isDateLine: true);
                        fragments[^1] = lastClosed.ToFragment();
                    }
                    else
                    {
                        Close();
                        var dateSection = new StopSection(dateType, line.Start, reading);
                        dateSection.Add(line, valueStart, isDateLine: true);
                        fragments.Add(dateSection.ToFragment());
                    }

                    break;
                case StopLabelKind.Date:
                    if (current is not null)
                    {
                        current.Add(line, valueStart, isDateLine: true);
                    }
                    else if (lastClosed is not null && lastClosed.Date is null && fragments.Count > 0 && ReferenceEquals(fragments[^1].Origin, lastClosed))
                    {
                        lastClosed.Add(line, valueStart, isDateLine: true);
                        fragments[^1] = lastClosed.ToFragment();
                    }

                    break;
                case StopLabelKind.Reference:
                    break;
                case StopLabelKind.Place:
                    current?.Add(line, valueStart, isDateLine: false);
                    break;
                default:
                    Close();
                    lastClosed = null;
                    break;
            }
        }

        Close();
        return fragments;
    }

    /// <summary>"DE-85386 Eching -> PL-02-672 Warszawa | 26.11.2026 08:00-14:00 -> 27.11.2026": two places joined by an arrow or dash.</summary>
    private static List<StopFragment>? ReadRoute(TextLine line, StopReading reading)
    {
        var text = line.Text;
        if (text.Length > 300)
        {
            return null;
        }

        var places = reading.Places(text);
        if (places.Count < 2)
        {
            return null;
        }

        var between = text[(places[0].Index + places[0].Length)..places[1].Index];
        if (!RouteJoin().IsMatch(between))
        {
            return null;
        }

        var loading = new StopFragment { Type = StopType.Loading, Position = line.Start + places[0].Index, Place = places[0], PlaceOffset = line.Start + places[0].Index, Address = text.Substring(places[0].Index, places[0].Length) };
        var unloading = new StopFragment { Type = StopType.Unloading, Position = line.Start + places[1].Index, Place = places[1], PlaceOffset = line.Start + places[1].Index, Address = text.Substring(places[1].Index, places[1].Length) };
        var restStart = places[1].Index + places[1].Length;
        var rest = text[restStart..];
        var dates = reading.Dates(rest);
        if (dates.Count > 0)
        {
            SetDate(loading, dates[0], line.Start + restStart);
            var cellEnd = rest.IndexOf(" | ", dates[0].Index, StringComparison.Ordinal);
            var loadingText = rest[dates[0].Index..(dates.Count > 1 ? dates[1].Index : cellEnd > 0 ? cellEnd : rest.Length)];
            loading.Window = TimeWindowParser.Parse(loadingText[dates[0].Length..]);
            if (dates.Count > 1 && RouteJoin().IsMatch(rest[(dates[0].Index + dates[0].Length)..dates[1].Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? ""))
            {
                SetDate(unloading, dates[1], line.Start + restStart);
                var end = rest.IndexOf(" | ", dates[1].Index, StringComparison.Ordinal);
                unloading.Window = TimeWindowParser.Parse(rest[(dates[1].Index + dates[1].Length)..(end > 0 ? end : rest.Length)]);
            }
        }

        return [loading, unloading];
    }

    private static void SetDate(StopFragment f, DateMatch d, int offset)
    {
        f.Date = d.Date;
        f.DateOffset = offset + d.Index;
        f.DateLength = d.Length;
    }

    /// <summary>No labelled stop: the first and last places named in the prose, dated from the sentences that speak of loading or delivery.</summary>
    private static List<StopFragment> FromProse(List<TextLine> lines, StopReading reading, IReadOnlyList<int> partStarts)
    {
        var emailDate = reading.EmailDate;
        var result = new List<StopFragment>();
        var places = new List<(PostalPlace Place, int Offset, string Line)>();
        var inSignature = false;
        var sentences = new List<(string Text, int Offset)>();
        foreach (var line in lines)
        {
            if (SignatureMarkers.IsForwardStart(line.Text) || partStarts.Contains(line.Start))
            {
                inSignature = false;
                continue;
            }

            if (inSignature || SignatureMarkers.IsClosing(line.Text))
            {
                inSignature = true;
                continue;
            }

            if (reading.Label(line.Text) is { Kind: StopLabelKind.Other })
            {
                continue;
            }

            foreach (var p in reading.Places(line.Text))
            {
                places.Add((p, line.Start + p.Index, line.Text));
            }

            sentences.Add((line.Text, line.Start));
        }

        if (places.Count < 2)
        {
            return result;
        }

        var first = places[0];
        var last = places.LastOrDefault(p => !SamePlace(p.Place, first.Place));
        if (last.Place is null)
        {
            return result;
        }

        var loading = new StopFragment { Type = StopType.Loading, Position = first.Offset, Place = first.Place, PlaceOffset = first.Offset };
        var unloading = new StopFragment { Type = StopType.Unloading, Position = last.Offset, Place = last.Place, PlaceOffset = last.Offset };
        var joined = string.Join(" ", sentences.Select(s => s.Text));
        foreach (var sentence in SentenceSplit().Split(joined))
        {
            bool? type = null;
            foreach (var word in TextFold.Fold(sentence).Split([' ', ',', '.', '(', ')', ':', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                type ??= StopLabels.StopTypeOfWord(word);
            }

            if (type is null)
            {
                continue;
            }

            var target = type.Value ? loading : unloading;
            var date = DateExpressionParser.FindFirst(sentence, emailDate);
            if (target.Date is null && date is { } d)
            {
                target.Date = d.Date;
                target.Window = TimeWindowParser.Parse(Blank(sentence, d));
            }
            else if (target.Window.IsEmpty && date is null)
            {
                target.Window = TimeWindowParser.Parse(sentence);
            }
        }

        result.Add(loading);
        result.Add(unloading);
        return result;
    }

    private static bool SamePlace(PostalPlace a, PostalPlace b) => a.PostalCode == b.PostalCode && a.City == b.City;

    /// <summary>Place fragments become stops; date-only fragments join the nearest place fragment of their type.</summary>
    private static List<StopFragment> Merge(List<StopFragment> fragments)
    {
        var stops = fragments.Where(f => f.HasPlace).ToList();
        foreach (var f in fragments.Where(f => !f.HasPlace && (f.Date is not null || !f.Window.IsEmpty)))
        {
            var target = stops.LastOrDefault(s => s.Type == f.Type && s.Position < f.Position && s.Date is null && s.Window.IsEmpty)
                ?? stops.FirstOrDefault(s => s.Type == f.Type && s.Position > f.Position && s.Date is null && s.Window.IsEmpty)
                ?? stops.LastOrDefault(s => s.Type == f.Type && s.Position < f.Position && s.Date is null);
            if (target is null)
            {
                continue;
            }

            target.Date ??= f.Date;
            target.DateOffset = f.DateOffset;
            target.DateLength = f.DateLength;
            if (target.Window.IsEmpty)
            {
                target.Window = f.Window;
            }
        }

        // The same stop read twice (an HTML part and its PDF, a subject and the body) counts once.
        var distinct = new List<StopFragment>();
        foreach (var s in stops)
        {
            var twin = distinct.FirstOrDefault(d => d.Type == s.Type && d.Place is not null && s.Place is not null && SamePlace(d.Place, s.Place));
            if (twin is null)
            {
                distinct.Add(s);
            }
            else
            {
                twin.Date ??= s.Date;
                if (twin.Window.IsEmpty)
                {
                    twin.Window = s.Window;
                }
            }
        }

        return distinct;
    }

    private static Stop ToStop(StopFragment f, string? language)
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
            country ??= place.Country ?? prefixCountry ?? DefaultCountry(place, language);
        }

        return new Stop
        {
            Type = f.Type,
            Company = f.Company,
            Address = f.Address,
            PostalCode = postal,
            City = string.IsNullOrWhiteSpace(city) ? null : city,
            Country = country,
            Date = f.Date,
            TimeFrom = f.Window.From,
            TimeTo = f.Window.To,
        };
    }

    /// <summary>Without a prefix or a name, a code's shape plus the document's language decide ("Beladestelle ... 61118 Bad Vilbel" is German).</summary>
    private static string? DefaultCountry(PostalPlace place, string? language)
    {
        if (FleetManager.Core.Geo.OfflineGazetteer.Shared.CountryOf(place.City) is { } known)
        {
            return known;
        }

        if (place.ItalianProvince)
        {
            return "IT";
        }

        if (place.Digits == 4 && place.City.Any(c => c is >= 'А' and <= 'я'))
        {
            return "BG";
        }

        return (place.Digits, language) switch
        {
            (5, "de") => "DE",
            (5, "fr") => "FR",
            (5, "it") => "IT",
            (5, "es") => "ES",
            (5, "tr") => "TR",
            (5, "lt") => "LT",
            (4, "hu") => "HU",
            (4, "bg") => "BG",
            (4, "sl") => "SI",
            _ => null,
        };
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

    /// <summary>The language of the document's stop labels (majority), used for country defaults.</summary>
    private static string? DocumentLanguage(StopReading reading)
    {
        if (!reading.LanguageKnown)
        {
            reading.Language = CountLanguage(reading);
            reading.LanguageKnown = true;
        }

        return reading.Language;
    }

    private static string? CountLanguage(StopReading reading)
    {
        var document = reading.Document;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in document.Text.AsSpan(document.BodyStart).EnumerateLines())
        {
            if (line.Length == 0 || line.Length > 400)
            {
                continue;
            }

            if (reading.Label(line.ToString()) is { Language: { } lang, Kind: not StopLabelKind.Other })
            {
                counts[lang] = counts.GetValueOrDefault(lang) + 1;
            }
        }

        return counts.Count == 0 ? ProseLanguage(document.Text.AsSpan(document.BodyStart)) : counts.MaxBy(kv => kv.Value).Key;
    }

    private static readonly (string Lang, HashSet<string> Words)[] FunctionWords =
    [
        ("de", new(StringComparer.Ordinal) { "und", "der", "die", "das", "mit", "für", "bitte", "wir", "nicht", "von", "ist", "eine", "den", "dem" }),
        ("fr", new(StringComparer.Ordinal) { "le", "la", "les", "et", "pour", "nous", "vous", "est", "des", "une", "du", "au" }),
        ("it", new(StringComparer.Ordinal) { "il", "per", "con", "della", "che", "non", "sono", "alla", "gli", "del", "di" }),
        ("es", new(StringComparer.Ordinal) { "el", "los", "para", "por", "con", "una", "que", "las", "del", "nos" }),
        ("hu", new(StringComparer.Ordinal) { "és", "az", "hogy", "nem", "kérjük", "egy", "vagy" }),
        ("tr", new(StringComparer.Ordinal) { "ve", "bir", "için", "ile", "bu", "lütfen" }),
    ];

    /// <summary>A document without stop labels: its language from common function words.</summary>
    private static string? ProseLanguage(ReadOnlySpan<char> text)
    {
        var scores = new int[FunctionWords.Length];
        foreach (var word in WordPattern().EnumerateMatches(text))
        {
            var w = text.Slice(word.Index, word.Length).ToString().ToLowerInvariant();
            for (var i = 0; i < FunctionWords.Length; i++)
            {
                if (FunctionWords[i].Words.Contains(w))
                {
                    scores[i]++;
                }
            }
        }

        var best = Array.IndexOf(scores, scores.Max());
        return scores[best] >= 3 ? FunctionWords[best].Lang : null;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\s*(?:->|→|=>|⇒|>|–|—|-|to|nach|do|a|à|naar|till)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RouteJoin();

    [GeneratedRegex(@"^([A-Z]{1,3})[-\s]")]
    private static partial Regex PostalPrefix();

    [GeneratedRegex(@"(?<=[^\d\s][.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceSplit();
}
