// Why one file of ~440 lines: weight, pallets and loading metres are read from the same numbers of the same
// block, and each decides what a number is by ruling out the others ("13,6 m" is the trailer, "33 EUR" pallets
// or a price, "24 t" weight or a vehicle class); the shared candidate scoring (labels on the line, totals,
// per-unit figures) and the patterns that tell them apart live together so the three stay consistent.
using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Reads the order's quantities (weight in kg, pallet count, loading metres) from labelled values
/// and from "number + unit" phrases anywhere in the block. When several are given (per stop and a
/// total), a value on a total line wins, then a labelled one, then the largest, since order-level
/// quantities are totals.
/// </summary>
public static partial class QuantityReader
{
    /// <summary>Total weight in kilograms.</summary>
    public static (decimal Value, TextSpan Span)? Weight(FieldBlock block)
    {
        var best = new Candidate();
        foreach (var field in block.Fields)
        {
            if (!field.LabelStartsWith(FieldLabels.Weight))
            {
                continue;
            }

            var value = block.Text.AsSpan(field.ValueStart, field.ValueLength);
            var inValue = false;
            for (var match = WeightPhraseScanner.Next(WeightPhrase(), block.Text, field.ValueStart); match.Success;
                match = WeightPhraseScanner.Next(WeightPhrase(), block.Text, match.Index + match.Length))
            {
                if (match.Index >= field.ValueEnd)
                {
                    break;
                }

                if (WeightOf(block.Text, match) is { } kg)
                {
                    best.Offer(kg, 3 + TotalBonus(block.Text, field.LineStart, field.LineEnd), match.Index, match.Length);
                    inValue = true;
                    break;
                }
            }

            // A value in a unit of the language files ("25,000 lbs", "18,5 τόνοι") is read by OtherUnitWeights, not as a bare number.
            if (!inValue && !OtherUnits.Pattern.IsMatch(value.ToString()) && LeadingNumber().Match(value.ToString()) is { Success: true } bare && EuropeanNumber.Parse(bare.Groups["n"].ValueSpan) is { } n && n > 0)
            {
                var kg = field.Label.Contains("kg", StringComparison.Ordinal) || n > 60 ? n : n * 1000;
                best.Offer(kg, 3 + TotalBonus(block.Text, field.LineStart, field.LineEnd), field.ValueStart + bare.Index, bare.Length);
            }
        }

        var text = block.TextToEnd;
        for (var match = WeightPhraseScanner.Next(WeightPhrase(), text, block.Start); match.Success;
            match = WeightPhraseScanner.Next(WeightPhrase(), text, match.Index + match.Length))
        {
            if (WeightOf(block.Text, match) is { } kg && !InVehicleField(block, match.Index))
            {
                var (lineStart, lineEnd) = LineAround(block.Text, match.Index);
                var gross = GrossWord().IsMatch(block.Text.AsSpan(match.Index + match.Length, Math.Min(12, block.Text.Length - match.Index - match.Length))) ? 1 : 0;
                best.Offer(kg, LineHasLabel(block, lineStart, FieldLabels.Weight) + gross + TotalBonus(block.Text, lineStart, lineEnd), match.Index, match.Length);
            }
        }

        if (best.Result is null)
        {
            OtherUnitWeights(block, ref best);
        }

        return best.Result;
    }

    /// <summary>
    /// Weights in the units of the language files that the main pattern does not know: pounds
    /// (converted to whole kilograms), "τόνοι", "tonnia", "κιλά". Looked for only when the main pattern
    /// found no weight, since few mails need it.
    /// </summary>
    private static void OtherUnitWeights(FieldBlock block, ref Candidate best)
    {
        var text = block.TextToEnd;
        for (var match = OtherUnits.Pattern.Match(text, block.Start); match.Success; match = match.NextMatch())
        {
            if (EuropeanNumber.Parse(match.Groups["n"].ValueSpan) is not { } n || n <= 0
                || !OtherUnits.Factors.TryGetValue(TextFold.Fold(match.Groups["u"].ValueSpan), out var factor))
            {
                continue;
            }

            var before = text.AsSpan(Math.Max(0, match.Index - 24), Math.Min(24, match.Index));
            if (NotCargoWeightBefore().IsMatch(before))
            {
                continue;
            }

            var kg = factor == 1000m && n > 100 ? n : Math.Round(n * factor, MidpointRounding.AwayFromZero);
            var (lineStart, lineEnd) = LineAround(block.Text, match.Index);
            best.Offer(kg, LineHasLabel(block, lineStart, FieldLabels.Weight) + TotalBonus(block.Text, lineStart, lineEnd), match.Index, match.Length);
        }
    }

    /// <summary>Total number of pallets (any pallet type, Gitterboxes included).</summary>
    public static (int Value, TextSpan Span)? Pallets(FieldBlock block)
    {
        var best = new Candidate();
        foreach (var field in block.Fields)
        {
            if (!field.LabelStartsWith(FieldLabels.Pallets))
            {
                continue;
            }

            var match = LeadingNumber().Match(block.Text, field.ValueStart, field.ValueLength);
            if (match.Success && int.TryParse(match.Groups["n"].ValueSpan, out var count) && count is > 0 and < 100)
            {
                best.Offer(count, 3 + TotalBonus(block.Text, field.LineStart, field.LineEnd), match.Index, match.Length);
            }
        }

        foreach (Match match in PalletPhrase().Matches(block.TextToEnd, block.Start).Cast<Match>())
        {
            if (int.TryParse(match.Groups["n"].ValueSpan, out var count) && count is > 0 and < 100 && !IsPerUnit(block.Text, match.Index))
            {
                var (lineStart, lineEnd) = LineAround(block.Text, match.Index);
                best.Offer(count, TotalBonus(block.Text, lineStart, lineEnd), match.Index, match.Length);
            }
        }

        // The language files' pallet words ("22 st EUR-pall", "16 EUR-lavaa", "18 παλέτες"), added counts summed.
        foreach (var (count, index, length) in PalletVocabulary.Counts(block.TextToEnd, block.Start))
        {
            if (count is > 0 and < 100 && !IsPerUnit(block.Text, index))
            {
                var (lineStart, lineEnd) = LineAround(block.Text, index);
                best.Offer(count, TotalBonus(block.Text, lineStart, lineEnd), index, length);
            }
        }

        // "paleți: 14 EUR" inside a goods line: a label of its own, weaker than a line's label.
        foreach (var (count, index, length) in PalletVocabulary.ColonCounts(block.TextToEnd, block.Start))
        {
            if (count > 0 && !IsPerUnit(block.Text, index))
            {
                var (lineStart, lineEnd) = LineAround(block.Text, index);
                best.Offer(count, 2 + TotalBonus(block.Text, lineStart, lineEnd), index, length);
            }
        }

        return best.Result is { } r ? ((int)r.Value, r.Span) : null;
    }

    /// <summary>Loading metres (a trailer length such as "13,6 m" alone is not loading metres).</summary>
    public static (decimal Value, TextSpan Span)? LoadingMeters(FieldBlock block)
    {
        var best = new Candidate();
        foreach (var field in block.Fields)
        {
            if (!field.LabelStartsWith(FieldLabels.LoadingMeters))
            {
                continue;
            }

            var match = LeadingNumber().Match(block.Text, field.ValueStart, field.ValueLength);
            if (match.Success && EuropeanNumber.Parse(match.Groups["n"].ValueSpan) is { } m && m is > 0 and <= 30)
            {
                best.Offer(m, 3 + TotalBonus(block.Text, field.LineStart, field.LineEnd), match.Index, match.Length);
            }
        }

        foreach (Match match in LoadingMetresPhrase().Matches(block.TextToEnd, block.Start).Cast<Match>())
        {
            if (EuropeanNumber.Parse(match.Groups["n"].ValueSpan) is { } m && m is > 0 and <= 30)
            {
                var (lineStart, lineEnd) = LineAround(block.Text, match.Index);
                best.Offer(m, 1 + TotalBonus(block.Text, lineStart, lineEnd), match.Index, match.Length);
            }
        }

        foreach (Match match in LoadingMetresLabelFirst().Matches(block.TextToEnd, block.Start).Cast<Match>())
        {
            if (EuropeanNumber.Parse(match.Groups["n"].ValueSpan) is { } m && m is > 0 and <= 30)
            {
                var (lineStart, lineEnd) = LineAround(block.Text, match.Index);
                best.Offer(m, 2 + TotalBonus(block.Text, lineStart, lineEnd), match.Index, match.Length);
            }
        }

        OfferLoadingMetresInFileUnits(block, ref best);
        if (best.Result is null)
        {
            OfferBareMetresAfterVehicle(block, ref best);
        }

        return best.Result;
    }

    /// <summary>
    /// "Centinato 8,5 | 13,2 t", "Plachta 7,2;": a decimal number with no unit right after a vehicle word, ending
    /// its cell, is the loading metres an exchange alert writes beside the trailer (a length with "m" is the
    /// trailer's and is not taken). Tried only when nothing better was found, and only at such decimals.
    /// </summary>
    private static void OfferBareMetresAfterVehicle(FieldBlock block, ref Candidate best)
    {
        foreach (Match match in BareDecimalEndingCell().Matches(block.TextToEnd, block.Start).Cast<Match>())
        {
            if (EuropeanNumber.Parse(match.Groups["n"].ValueSpan) is not { } m || m is < 1 or > 13.6m)
            {
                continue;
            }

            var (lineStart, _) = LineAround(block.Text, match.Index);
            var cellStart = block.Text.LastIndexOfAny(['|', ';', '\t'], match.Index - 1, match.Index - lineStart) + 1;
            cellStart = Math.Max(cellStart, lineStart);
            var cell = block.Text.AsSpan(cellStart, match.Index - cellStart);
            var trimmed = cell.TrimEnd();
            if (VehicleVocabulary.Find(trimmed, strict: false) is { Length: > 0 } vehicle && vehicle.Index + vehicle.Length == trimmed.Length)
            {
                best.Offer(m, 0, match.Index, match.Length);
            }
        }
    }

    /// <summary>The floor-metre words of every language file ("mètres de plancher", "utovarnih metara", "lavametriä").</summary>
    private static readonly PhraseSet LoadingMetreUnits = PhraseSet.Of("unit.ldm");

    /// <summary>
    /// "13,6 mètres de plancher", "9,6 утоварних метара": a number of at most two digits (and two decimals) right
    /// before a <c>unit.ldm</c> word of any language file. Offered like the built-in phrases, so a labelled or
    /// total value still wins; each hit is looked at once, so the scan stays linear in the block.
    /// </summary>
    private static void OfferLoadingMetresInFileUnits(FieldBlock block, ref Candidate best)
    {
        var folded = block.Folded;
        foreach (var (unitStart, length) in LoadingMetreUnits.Matches(folded))
        {
            var numberEnd = unitStart;
            while (numberEnd > 0 && folded[numberEnd - 1] is ' ' or '\t' or '\u00A0')
            {
                numberEnd--;
            }

            var numberStart = numberEnd;
            while (numberStart > 0 && numberEnd - numberStart < 6 && (char.IsAsciiDigit(folded[numberStart - 1]) || folded[numberStart - 1] is '.' or ','))
            {
                numberStart--;
            }

            var before = numberStart == 0 ? ' ' : folded[numberStart - 1];
            if (!ShortDecimal().IsMatch(folded.AsSpan(numberStart, numberEnd - numberStart)) || char.IsLetterOrDigit(before) || before is '_' or '.' or ',' or '/' or '-'
                || EuropeanNumber.Parse(folded.AsSpan(numberStart, numberEnd - numberStart)) is not { } metres || metres is <= 0 or > 30)
            {
                continue;
            }

            var start = block.Start + block.SpanOffsetOf(numberStart);
            var end = block.Start + block.SpanOffsetOf(unitStart + length);
            var (lineStart, lineEnd) = LineAround(block.Text, start);
            best.Offer(metres, 1 + TotalBonus(block.Text, lineStart, lineEnd), start, end - start);
        }
    }

    [GeneratedRegex(@"^\d{1,2}(?:[.,]\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortDecimal();

    /// <summary>
    /// A weight written as text ("24 t", "24.000 kg", "22,5 t", "ca. 9.600 kg", "24000") in kilograms,
    /// by the same phrase rules as <see cref="Weight"/>; a bare number is taken as kilograms. Null when
    /// the text holds no cargo weight. Lets other readers (a model's answer) normalise units alike.
    /// </summary>
    public static decimal? ParseKilograms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = WeightPhrase().Match(text);
        if (match.Success)
        {
            return WeightOf(text, match);
        }

        var bare = LeadingNumber().Match(text);
        return bare.Success && bare.Index + bare.Length == text.TrimEnd().Length ? EuropeanNumber.Parse(bare.Groups["n"].ValueSpan) : null;
    }

    /// <summary>Converts a weight phrase to kilograms, or null when it is not a cargo weight (a van's 3.5 t class, a bag weight, a payload).</summary>
    private static decimal? WeightOf(string text, Match match)
    {
        if (EuropeanNumber.Parse(match.Groups["n"].ValueSpan) is not { } n || n <= 0)
        {
            return null;
        }

        var unit = match.Groups["u"].Value.ToLowerInvariant();
        var tonnes = unit is not ("kg" or "kgs" or "кг") && !unit.StartsWith("kilo", StringComparison.Ordinal);
        var before = text.AsSpan(Math.Max(0, match.Index - 24), Math.Min(24, match.Index));
        var afterStart = match.Index + match.Length;
        var after = text.AsSpan(afterStart, Math.Min(24, text.Length - afterStart));
        if (NotCargoWeightBefore().IsMatch(before) || NotCargoWeightAfter().IsMatch(after))
        {
            return null;
        }

        if (tonnes)
        {
            // "24.000 t" is a weight in kg written with a tonne unit by mistake; real loads stay under 100 t.
            return n > 100 ? n : n * 1000;
        }

        return n;
    }

    /// <summary>
    /// True when <paramref name="index"/> lies in the value of a vehicle label ("Vehicle: 44t curtainsider", "Fahrzeug:
    /// 7,5-t-LKW"): a weight there is the truck's class, not the cargo's.
    /// </summary>
    private static bool InVehicleField(FieldBlock block, int index)
    {
        foreach (var field in block.Fields)
        {
            if (index >= field.ValueStart && index < field.ValueEnd && field.LabelStartsWith(FieldLabels.Vehicle) && !field.LabelStartsWith(FieldLabels.Weight))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPerUnit(string text, int index)
    {
        var before = text.AsSpan(Math.Max(0, index - 6), Math.Min(6, index));
        return before.EndsWith("je ", StringComparison.OrdinalIgnoreCase) || before.EndsWith("per ", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("pro ", StringComparison.OrdinalIgnoreCase) || before.EndsWith("/");
    }

    internal static (int Start, int End) LineAround(string text, int index)
    {
        var start = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var end = text.IndexOf('\n', index);
        return (start, end < 0 ? text.Length : end);
    }

    private static int LineHasLabel(FieldBlock block, int lineStart, IReadOnlyList<string> stems)
    {
        foreach (var field in block.Fields)
        {
            if (field.LineStart == lineStart && field.LabelStartsWith(stems))
            {
                return 3;
            }
        }

        return 0;
    }

    private static int TotalBonus(string text, int lineStart, int lineEnd)
        => TotalWord().IsMatch(text.AsSpan(lineStart, lineEnd - lineStart)) ? 4 : 0;

    /// <summary>Keeps the best-scored value; on a tie the larger one (totals are at least the parts).</summary>
    private struct Candidate
    {
        private decimal _value;
        private int _score;
        private int _start;
        private int _length;
        private bool _has;

        public void Offer(decimal value, int score, int start, int length)
        {
            if (!_has || score > _score || (score == _score && value > _value))
            {
                (_value, _score, _start, _length, _has) = (value, score, start, length, true);
            }
        }

        public readonly (decimal Value, TextSpan Span)? Result => _has ? (_value, new TextSpan(_start, _length)) : null;
    }

    /// <summary>The weight units of the language files (<c>unit.pound</c>, <c>unit.tonne</c>, <c>unit.kg</c>) outside the main pattern, with their factor to kilograms.</summary>
    private static class OtherUnits
    {
        /// <summary>Folded unit word → kilograms per unit.</summary>
        public static readonly Dictionary<string, decimal> Factors = new(StringComparer.Ordinal);

        /// <summary>The unit words as written and folded, which the pattern matches.</summary>
        private static readonly HashSet<string> Forms = Build();

        public static readonly Regex Pattern = new(
            @"(?<![\w.,/-])" + Number + @"[ \t\u00A0]*(?<u>" + string.Join("|", Forms.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![\p{L}\d])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static HashSet<string> Build()
        {
            var forms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, factor) in new[] { ("unit.pound", 0.45359237m), ("unit.tonne", 1000m), ("unit.kg", 1m) })
            {
                foreach (var (word, _) in VocabularyCatalog.Words(key))
                {
                    var folded = TextFold.Fold(word);
                    // The units the main pattern reads whole ("t", "tonnes", "кг") are its to find; the others ("tonn",
                    // "tonnellate", "тонны") are this pattern's, whatever letter they start with.
                    if (folded.Length > 1 && !IsMainUnit(word) && !IsMainUnit(folded) && Factors.TryAdd(folded, factor))
                    {
                        forms.Add(word);
                        forms.Add(folded);
                    }
                    else if (Factors.ContainsKey(folded))
                    {
                        forms.Add(word);
                    }
                }
            }

            return forms;
        }

        private static bool IsMainUnit(string unit) => WeightPhrase().Match("1 " + unit) is { Success: true } match && match.Groups["u"].Length == unit.Length;
    }

    private const string Number = @"(?<n>\d{1,3}(?:[.,'\u00A0 ]\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?)";

    [GeneratedRegex(@"(?<![\w.,/-])(?:(?:ca|approx|circa|ok|około|env|kb|cca|aprox|etwa|ungefähr|около|approximately|about|max)\.?\s*|~\s*)?" + Number + @"[ \t\u00A0]*(?<u>kgs?|kilo\w*|t|to(?![ \t]+\d)|tons?|tonnes?|tonnen|tony|tun|tone|tonn?a|тона|тон|т|кг)(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex WeightPhrase();

    [GeneratedRegex(@"(?:\b(?:bus\w*|sprinter|van|dodávk\w*|dub[ăa]|do|bis|up to|max\.?|until|zul\.?|nosnost\w*|ładowności|ładowność|payload|capacity|bag|bags|sack\w*|säcke|sacs?|sacchi|sacos?|worek|workach|worki|pytl\w*|zsák\w*|saci|чувал\w*|je|à|per|each|à)\s*|[/x×]\s*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotCargoWeightBefore();

    [GeneratedRegex(@"^\s*(?:nutzlast|zuladung|payload|capacity|ładowności|ładowność|nosnost|gvw|zgg|gesamtgewicht\s+zul|[/x×]|per\s+(?:bag|pallet|unit)|pro\s+(?:sack|palette)|je\s+palette|bus\b|van\b|sprinter\b|busa?\b|dodávk)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotCargoWeightAfter();

    [GeneratedRegex(@"(?<![\w.,/-])(?<n>\d{1,3})\s*(?:x\s*)?(?:(?:eur|euro|epal|industrie|chep)[\s\-]*)?(?:pallets?|palettes?|paletten|europaletten|europalets?|europaletas|europallets?|euro[\s\-]?pal\w*|palety|palet|palets|paletas?|paleţi|paleți|paleti|paleþi|pal\.|pal\b|bancali|bancale|raklap\w*|палет\w*|padėkl\w*|padekl\w*|epal\b|ep\b|gitterbox\w*|stellpl\w*|eur-?pal\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PalletPhrase();

    [GeneratedRegex(@"(?<=\p{L}[ \t]+)(?<n>\d{1,2}[.,]\d{1,2})(?=[ \t]*(?:[|;\r\n]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex BareDecimalEndingCell();

    [GeneratedRegex(@"(?<![\w.,/-])(?<n>\d{1,2}(?:[.,]\d{1,2})?)\s*(?:ldm|lm|l\.m\.?|л\.\s?м\.?|mb|m\.b\.|m\.p\.|ml|mt\.?\s+lineari|metri\s+lineari|metros?\s+lineales|m\s+de\s+plancher|m\s+linéaires|lademeter|loading\s+met(?:er|re)s?)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoadingMetresPhrase();

    [GeneratedRegex(@"\b(?:ldm|lademeter|loading\s+met(?:er|re)s?|metri\s+lineari|ložné\s+metry|lm)\s*(?:gesamt|total)?\s*[:=]?\s*\|?\s*(?<n>\d{1,2}(?:[.,]\d{1,2})?)(?![\d.,]*\s*(?:m\b|t\b|kg))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoadingMetresLabelFirst();

    [GeneratedRegex(@"^\s*(?:ca\.?|approx\.?|ok\.?|~)?\s*" + Number, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^[ \t,]*(?:brutto|bruttó|gross|lordo|brut|bruto|бруто)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GrossWord();

    [GeneratedRegex(@"\b(?:total\w*|gesamt\w*|insgesamt|summe|razem|łącznie|lacznie|celkem|celkov\w*|összesen|osszesen|totale|totaal|общо|iš viso|toplam|overall|in total|en tout|en total|totalt)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalWord();
}
