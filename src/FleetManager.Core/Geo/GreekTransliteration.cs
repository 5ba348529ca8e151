using System.Globalization;
using System.Text;

namespace FleetManager.Core.Geo;

/// <summary>
/// Greek to Latin transliteration after ELOT 743 (the system of Greek road signs and of GeoNames'
/// Greek names), without diacritics, so that a Greek mail's "Ασπρόπυργος" or "Σίνδος" matches the
/// gazetteer's "Aspropyrgos" and "Sindos": ου → ou, αυ/ευ → av/ev (af/ef before a voiceless
/// consonant), γγ → ng, γκ → gk, θ → th, χ → ch, ψ → ps, η/ι → i, υ → y.
/// </summary>
public static class GreekTransliteration
{
    /// <summary>True when <paramref name="text"/> contains at least one Greek letter.</summary>
    public static bool ContainsGreek(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Θεσσαλονίκη</c> → <c>Thessaloniki</c>, <c>Πειραιάς</c> → <c>Peiraias</c>. Non-Greek characters are kept.</summary>
    public static string ToLatin(string text)
    {
        // Accents and diaeresis off first (ά → α, ϊ → ι): the letters then map one to one.
        var bare = StripMarks(text);
        var result = new StringBuilder(bare.Length + 8);
        for (var i = 0; i < bare.Length; i++)
        {
            var c = bare[i];
            var lower = char.ToLowerInvariant(c);
            var next = i + 1 < bare.Length ? char.ToLowerInvariant(bare[i + 1]) : '\0';
            var upper = char.IsUpper(c);
            string latin;
            var consumed = 1;
            switch (lower)
            {
                case 'ο' when next == 'υ': latin = "ou"; consumed = 2; break;
                case 'α' or 'ε' when next == 'υ':
                    var after = i + 2 < bare.Length ? char.ToLowerInvariant(bare[i + 2]) : '\0';
                    latin = (lower == 'α' ? "a" : "e") + (IsVoiceless(after) ? "f" : "v");
                    consumed = 2;
                    break;
                case 'γ' when next is 'γ': latin = "ng"; consumed = 2; break;
                case 'γ' when next is 'κ': latin = "gk"; consumed = 2; break;
                default: latin = Letter(lower); break;
            }

            if (latin.Length == 0)
            {
                result.Append(c);
            }
            else if (upper)
            {
                // "Θεσσαλονίκη" → "Thessaloniki"; an all-capital word stays readable either way once folded.
                result.Append(char.ToUpperInvariant(latin[0])).Append(latin.AsSpan(1));
            }
            else
            {
                result.Append(latin);
            }

            i += consumed - 1;
        }

        return result.ToString();
    }

    private static bool IsVoiceless(char c) => c is 'θ' or 'κ' or 'ξ' or 'π' or 'σ' or 'ς' or 'τ' or 'φ' or 'χ' or 'ψ' or '\0' or ' ';

    private static string Letter(char c) => c switch
    {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' or 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => "",
    };

    private static string StripMarks(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
