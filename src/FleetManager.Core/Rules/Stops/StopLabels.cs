using System.Collections.Frozen;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The label vocabulary of stops in every language of the vocabulary files (<see cref="VocabularyCatalog"/>), folded. Each loading/unloading word carries its language so a document's
/// language can be guessed from the labels it uses.
/// </summary>
internal static class StopLabels
{
    /// <summary>
    /// Every stop label word of the language files (<c>stop.loading</c>, <c>stop.unloading</c>), with its
    /// language; multi-word labels ("loading place") are left to their words.
    /// </summary>
    private static readonly (string Word, bool Loading, string Lang)[] StopWords =
    [
        .. VocabularyCatalog.Words("stop.loading").Where(w => !w.Word.Contains(' ', StringComparison.Ordinal)).Select(w => (w.Word, true, w.Language)),
        .. VocabularyCatalog.Words("stop.unloading").Where(w => !w.Word.Contains(' ', StringComparison.Ordinal)).Select(w => (w.Word, false, w.Language)),
    ];

    /// <summary>Compound prefixes: "Ladetermin", "Entladedatum", "Lieferadresse", "lastningsdag" start with these.</summary>
    private static readonly (string Prefix, bool Loading, string Lang)[] StopPrefixes =
    [
        .. VocabularyCatalog.Words("stop.loading.prefix").Select(w => (TextFold.Fold(w.Word), true, w.Language)),
        .. VocabularyCatalog.Words("stop.unloading.prefix").Select(w => (TextFold.Fold(w.Word), false, w.Language)),
    ];

    /// <summary>Compounds that start like a stop word but are not one.</summary>
    private static readonly FrozenSet<string> NotStopWords = new[]
    {
        "lademeter", "ladebordwand", "ladungssicherung", "ladeflache", "ladehohe", "ladegut", "ladeliste", "lieferschein", "lieferscheine", "ladeeinheit", "ladungstrager",
        "los", "lose", "loser", "losse", "laadmeter", "laadvermogen", "товар", "товарът", "товара", "laadklep", "ladekran", "liefertermine", "lieferant", "lieferanten", "lieferbedingungen", "ladefahigkeit", "lade-ref", "loadmeter", "loads",
        "lastausmetria", "lastausmetri", "lastbil", "lastebil", "lastbilar", "lasteevne", "laadimismeetrit", "lossimissadam", "laadimissadam",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DateWords = new[]
    {
        "date", "datum", "data", "fecha", "termin", "time", "zeit", "zeitfenster", "window", "slot", "cas", "час", "дата", "ora", "godz", "godzina", "idopont", "datum", "tag", "dia",
        "hora", "horario", "orario", "heure", "uhrzeit", "termen", "data/ora", "laaddatum", "losdatum", "datumu", "dne", "day", "when", "termin", "terminu", "tarih", "saat", "datos",
    }.Concat(VocabularyCatalog.Folded("stop.date").Where(w => !w.Contains(' ', StringComparison.Ordinal))).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Date words long enough to end a compound ("lastningsdatum", "leveringsdato", "päivämäärä").</summary>
    private static readonly string[] DateEndings = [.. VocabularyCatalog.Folded("stop.date").Where(w => w.Length >= 4 && !w.Contains(' ', StringComparison.Ordinal))];

    private static readonly FrozenSet<string> ReferenceWords = new[]
    {
        "ref", "referenz", "reference", "nummer", "number", "nr", "no", "pin", "numero", "cislo", "номер", "referencia", "riferimento", "referentie", "referinta", "реф", "booking", "slot-nr", "hinweis", "note", "notes", "remarks", "bemerkung", "uwagi", "contact", "kontakt", "ansprechpartner",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PlaceWords = new[]
    {
        "firma", "company", "ditta", "indirizzo", "address", "adresse", "adres", "adresa", "адрес", "cim", "name", "presso", "nazwa", "empresa", "societe", "raison", "sociale", "site", "direccion", "morada", "naslov", "adresas", "via", "at",
    }.Concat(VocabularyCatalog.Folded("stop.place").Where(w => !w.Contains(' ', StringComparison.Ordinal))).ToFrozenSet(StringComparer.Ordinal);

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
                foreach (var (prefix, isLoading, prefixLanguage) in StopPrefixes)
                {
                    if (word.Length > prefix.Length + 1 && word.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        loading ??= isLoading;
                        language ??= prefixLanguage;
                        break;
                    }
                }
            }

            if (DateWords.Contains(word) || word.EndsWith("datum", StringComparison.Ordinal) || word.EndsWith("termin", StringComparison.Ordinal)
                || word.EndsWith("zeit", StringComparison.Ordinal) || word.EndsWith("zeiten", StringComparison.Ordinal)
                || (word.EndsWith("tag", StringComparison.Ordinal) && word.Length > 5 && word.StartsWith("lade", StringComparison.Ordinal))
                || EndsWithDateWord(word))
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

    private static bool EndsWithDateWord(string word)
    {
        foreach (var ending in DateEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where words of a text end: spaces and the punctuation prose and labels put between them.</summary>
    private static readonly System.Buffers.SearchValues<char> WordSeparators = System.Buffers.SearchValues.Create(" ,.():;-–/");

    /// <summary>
    /// The words of <paramref name="text"/> that name a stop's kind (<see cref="StopTypeOfWord"/>: "Załadunek", "rozładunek"),
    /// each with where it starts, in order.
    /// </summary>
    public static List<(int Index, bool IsLoading)> StopWordsIn(string text)
    {
        var stopWords = new List<(int Index, bool IsLoading)>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.AsSpan(start).IndexOfAny(WordSeparators);
            end = end < 0 ? text.Length : start + end;
            if (end > start && StopTypeOfWord(TextFold.Fold(text.AsSpan(start, end - start))) is { } isLoading)
            {
                stopWords.Add((start, isLoading));
            }

            start = end + 1;
        }

        return stopWords;
    }

    /// <summary>Whether a folded word is a loading (true) or unloading (false) word, used in prose sentences.</summary>
    public static bool? StopTypeOfWord(string foldedWord)
    {
        if (StopLookup.TryGetValue(foldedWord, out var stop))
        {
            return foldedWord is "to" or "from" or "load" or "pick" or "coll" or "drop" or "deliver" or "ladung" ? null : stop.Loading;
        }

        if (NotStopWords.Contains(foldedWord))
        {
            return null;
        }

        foreach (var (prefix, isLoading, _) in StopPrefixes)
        {
            if (foldedWord.Length > prefix.Length + 1 && foldedWord.StartsWith(prefix, StringComparison.Ordinal) && prefix != "los")
            {
                return isLoading;
            }
        }

        return null;
    }
}
