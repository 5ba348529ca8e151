using System.Text.RegularExpressions;
using FleetManager.Core.Model;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Reads the offered or agreed freight rate: an amount next to a currency on a price-labelled line
/// first, then on a line that names the price in running text ("Preis wie besprochen 1.290 EUR"),
/// then any amount of money in the block. Penalties, insurance and goods values, per-km and
/// per-hour rates are never the freight rate.
/// </summary>
public static partial class PriceReader
{
    public static (Price Price, TextSpan Span)? Read(FieldBlock block)
    {
        foreach (var field in block.Fields)
        {
            if (!field.LabelStartsWith(FieldLabels.Price) || NotFreightRate().IsMatch(field.Label))
            {
                continue;
            }

            if (OnRequest().IsMatch(block.Text.AsSpan(field.ValueStart, field.ValueLength)))
            {
                return null;
            }

            if (FirstMoney(block.Text, field.ValueStart, field.ValueEnd) is { } labelled)
            {
                return labelled;
            }

            // A column such as "Rate EUR" or "Precio (€)" carries the currency in its label.
            var labelCurrency = CurrencyInLabel().Match(field.Label);
            var number = BareAmount().Match(block.Text, field.ValueStart, field.ValueLength);
            if (labelCurrency.Success && number.Success && CurrencyVocabulary.ToIso(labelCurrency.Value) is { } iso
                && EuropeanNumber.Parse(number.Groups["n"].ValueSpan) is { } amount && amount > 0)
            {
                return (new Price(amount, iso), new TextSpan(number.Index, number.Length));
            }

            // A bare amount whose currency is a field of its own ("Kaina: 950" beside "Valiuta: EUR").
            if (!labelCurrency.Success && number.Success && CurrencyField(block) is { } separate
                && EuropeanNumber.Parse(number.Groups["n"].ValueSpan) is { } bare && bare > 0)
            {
                return (new Price(bare, separate), new TextSpan(number.Index, number.Length));
            }
        }

        (Price, TextSpan)? anywhere = null;
        var lineStart = block.Start;
        while (lineStart < block.End)
        {
            var lineEnd = block.Text.IndexOf('\n', lineStart, block.End - lineStart);
            if (lineEnd < 0)
            {
                lineEnd = block.End;
            }

            {
                var keyword = PriceWords.MayContain(block.Text.AsSpan(lineStart, lineEnd - lineStart))
                    ? PriceWord().Match(block.Text, lineStart, lineEnd - lineStart)
                    : Match.Empty;
                if (keyword.Success)
                {
                    if (OnRequest().IsMatch(block.Text.AsSpan(keyword.Index, lineEnd - keyword.Index)) && FirstMoney(block.Text, keyword.Index, lineEnd) is null)
                    {
                        return null;
                    }

                    if (FirstMoney(block.Text, keyword.Index, lineEnd) is { } named)
                    {
                        return named;
                    }
                }

                anywhere ??= FirstMoney(block.Text, lineStart, lineEnd);
            }

            lineStart = lineEnd + 1;
        }

        return anywhere;
    }

    /// <summary>The ISO code in the block's currency field (a label of <see cref="FieldLabels.Currency"/> whose value is only a currency), or null.</summary>
    private static string? CurrencyField(FieldBlock block)
    {
        foreach (var field in block.Fields)
        {
            if (field.ValueLength is > 0 and <= 8 && field.LabelStartsWith(FieldLabels.Currency)
                && CurrencyVocabulary.ToIso(block.Value(field)) is { } iso)
            {
                return iso;
            }
        }

        return null;
    }

    /// <summary>The first "amount + currency" (or "currency + amount") in <paramref name="text"/>[start..end), skipping per-km/per-hour rates.</summary>
    public static (Price Price, TextSpan Span)? FirstMoney(string text, int start, int end)
    {
        if (BuiltInMoney(text, start, end) is { } money)
        {
            return money;
        }

        // The language files' local currencies ("6 900 kr", "27 600 грн"), with the same exclusions.
        if (LocalCurrency.FirstMoney(text, start, end) is { } local)
        {
            var (lineStart, _) = QuantityReader.LineAround(text, local.Span.Start);
            var from = Math.Max(lineStart, start - 40);
            var afterStart = local.Span.Start + local.Span.Length;
            if (!NotFreightRate().IsMatch(text.AsSpan(from, local.Span.Start - from))
                && !PerUnit().IsMatch(text.AsSpan(afterStart, Math.Min(8, end - afterStart))))
            {
                return local;
            }
        }

        return null;
    }

    private static (Price Price, TextSpan Span)? BuiltInMoney(string text, int start, int end)
    {
        // Most lines name no currency; they cannot hold money, and skipping them also saves copying
        // the text up to the line for the pattern (whose look-behind must see what comes before).
        if (!CurrencyWords.MayContain(text.AsSpan(start, end - start)))
        {
            return null;
        }

        // Money's look-behind sees one character before a position, so the range and the character before it
        // give the matches the whole text would give; only they are copied, not the text up to the range.
        var from = Math.Max(0, start - 1);
        (Price Price, TextSpan Span)? deferred = null;
        var deferredLine = -1;
        foreach (Match match in Money().Matches(text.Substring(from, end - from), start - from).Cast<Match>())
        {
            var index = from + match.Index;
            var (lineStart, _) = QuantityReader.LineAround(text, index);
            if (NotFreightRate().IsMatch(text.AsSpan(Math.Max(lineStart, start - 40), index - Math.Max(lineStart, start - 40))))
            {
                continue;
            }

            var after = text.AsSpan(index + match.Length, Math.Min(8, end - index - match.Length));
            if (PerUnit().IsMatch(after))
            {
                continue;
            }

            var currency = match.Groups["c1"].Success ? match.Groups["c1"].Value : match.Groups["c2"].Value;
            // "26 EUR-Paletten", "14 EUR-pall": EUR names the pallet type, not a currency (order-format.md).
            if (match.Groups["c2"].Success && PalletVocabulary.IsPalletWordAt(text, from + match.Groups["c2"].Index + match.Groups["c2"].Length))
            {
                continue;
            }

            var amountText = match.Groups["n1"].Success ? match.Groups["n1"].Value : match.Groups["n2"].Value;
            if (CurrencyVocabulary.ToIso(currency) is { } iso && EuropeanNumber.Parse(amountText) is { } amount && amount >= 10)
            {
                var found = (new Price(amount, iso), new TextSpan(index, match.Length));
                if (deferred is { } earlier)
                {
                    // The later money of the line is the price; an earlier one on another line stands.
                    return lineStart == deferredLine ? found : earlier;
                }

                if (MayBePalletType(match, currency, amount))
                {
                    // "33 EUR | +2/+6 °C | € 1.240": a small whole number before a bare "EUR" can be the pallet
                    // type; it is the price only when no other money follows on its line.
                    (deferred, deferredLine) = (found, lineStart);
                    continue;
                }

                return found;
            }
        }

        return deferred;
    }

    /// <summary>A whole number of at most two digits before "EUR" written in capitals: the count of a pallet type as often as a price.</summary>
    private static bool MayBePalletType(Match match, string currency, decimal amount)
        => match.Groups["c2"].Success && currency == "EUR" && amount <= 66 && match.Groups["n2"].Value.All(char.IsAsciiDigit);

    /// <summary>A text every <see cref="Money"/> match contains: one of its currency symbols or words.</summary>
    private static readonly KeywordSet CurrencyWords = new(
        "€", "eur", "£", "gbp", "$", "usd", "chf", "pln", "bgn", "czk", "huf", "ron", "sek", "dkk", "nok", "евро", "zł", "zl",
        "лв", "лева", "kč", "ft", "lei", "kn", "hrk");

    /// <summary>A text every <see cref="PriceWord"/> match contains (each alternative's word, or its last word).</summary>
    private static readonly KeywordSet PriceWords = new(
        "price", "rate", "freight", "preis", "fracht", "stawka", "stawką", "cena", "cenę", "prix", "prezzo", "nolo", "precio",
        "preço", "tarief", "prijs", "tarif", "fuvardíj", "díj", "preț", "preţ", "pret", "цена", "ücret", "navlun", "kaina",
        "oferim", "oferujemy", "bieten", "offer", "pay", "zahlen", "płacimy", "offriamo", "ofrecemos", "nabízíme", "plătim",
        "платим", "fix");

    private const string Amount = @"\d{1,3}(?:[.,'\u00A0 ]\d{3})+(?:[.,]\d{1,2})?(?:,-|\.-)?|\d+(?:[.,]\d{1,2})?(?:,-|\.-)?";

    [GeneratedRegex(@"(?<![\w.,])(?:(?<c1>€|EUR|£|GBP|\$|USD|CHF|PLN|BGN|CZK|HUF|RON|SEK|DKK|NOK)\s?(?<n1>" + Amount + @")|(?<n2>" + Amount + @")\s?(?<c2>€|EUR\b|Euro\b|euros?\b|евро|£|GBP\b|\$|USD\b|CHF\b|PLN\b|zł|zl\b|złotych|BGN\b|лв\.?|лева|CZK\b|Kč|HUF\b|Ft\b|RON\b|lei\b|SEK\b|DKK\b|NOK\b|kn\b|HRK\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"^\s*(?:/|per\b|pro\b|za\s+(?:km|godz)|a\s+km|/?\s*km\b|/\s*h\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerUnit();

    [GeneratedRegex(@"\b(?:eur|euro|pln|gbp|chf|usd|czk|huf|ron|bgn|sek|dkk|nok|isk|try|rsd|uah|zl|kc|ft|lei|лв)\b|[€£₺$]", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyInLabel();

    [GeneratedRegex(@"^\s*(?<n>\d{1,3}(?:[.,'\u00A0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*$")]
    private static partial Regex BareAmount();

    [GeneratedRegex(@"\b(?:auf\s+anfrage|nach\s+vereinbarung|on\s+request|upon\s+request|to\s+be\s+agreed|negotiable|do\s+negocjacji|do\s+uzgodnienia|à\s+négocier|sur\s+demande|da\s+concordare|su\s+richiesta|a\s+convenir|a\s+negociar|dohodou|megegyezés\s+szerint|la\s+cerere|negociabil|по\s+договаряне|pazarlık)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnRequest();

    [GeneratedRegex(@"\b(?:price|rate|freight|preis|frachtpreis|fracht|festpreis|stawka|stawką|cena|cenę|fracht|prix|prezzo|nolo|precio|preço|tarief|prijs|tarif|fuvardíj|díj|preț|preţ|pret|цена|ücret|navlun|kaina|oferim|oferujemy|bieten|we\s+offer|we\s+pay|zahlen|płacimy|offriamo|ofrecemos|nabízíme|plătim|платим|fix)\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceWord();

    [GeneratedRegex(@"\b(?:kar[aęy]\s+umown|kara\b|penalt|pénalit|penal[ei]|vertragsstraf|strafe|versicher|insurance|assurance|assicura|seguro|ubezpiecz|pojišt|warenwert|value\s+of\s+(?:the\s+)?goods|goods\s+value|wartość\s+towaru|valeur\s+(?:de\s+la\s+)?marchandise|valore\s+(?:della\s+)?merce|valor\s+de\s+la\s+mercanc|hodnota\s+zbo|standgeld|waiting\s+time|demurrage|postój|przestój|sosta|estadía|stojné|állásidő|oltre\s+la\s+franchigia|stornogebühr|cancellation\s+fee|/km|per\s+km|za\s+km|€/km|eur/km)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotFreightRate();
}
