namespace FleetManager.Core.Rules.Fields;

/// <summary>Currency symbols and words as written in freight mails, mapped to ISO 4217 codes.</summary>
public static class CurrencyVocabulary
{
    /// <summary>Longer than every symbol and word below: a longer token names no currency.</summary>
    private const int LongestWord = 16;

    /// <summary>The ISO code for a symbol or word (<c>€</c>, <c>zł</c>, <c>лв.</c>, <c>Kč</c>, <c>Ft</c>, <c>lei</c>, <c>£</c> ...), or null.</summary>
    public static string? ToIso(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        // Folded on the stack: this runs for every money-like match of every block.
        var trimmed = token.AsSpan().Trim().TrimEnd('.');
        if (trimmed.Length > LongestWord)
        {
            return null;
        }

        Span<char> lowered = stackalloc char[LongestWord];
        var t = lowered[..trimmed.ToLowerInvariant(lowered)];
        return t switch
        {
            "€" or "eur" or "euro" or "euros" or "евро" or "evro" or "eura" or "eur." => "EUR",
            "zł" or "zl" or "pln" or "złotych" or "zlotych" => "PLN",
            "лв" or "лева" or "bgn" or "lv" => "BGN",
            "kč" or "czk" or "kc" => "CZK",
            "ft" or "huf" or "forint" => "HUF",
            "lei" or "ron" => "RON",
            "£" or "gbp" => "GBP",
            "chf" or "sfr" => "CHF",
            "$" or "usd" or "us$" => "USD",
            "kn" or "hrk" => "HRK",
            "sek" => "SEK",
            "dkk" => "DKK",
            "nok" => "NOK",
            "isk" => "ISK",
            "rsd" => "RSD",
            "uah" => "UAH",
            "try" or "₺" or "tl" => "TRY",
            _ => null,
        };
    }
}
