using System.Text;

namespace FleetManager.Core.Geo;

/// <summary>
/// Cyrillic to Latin transliteration, so that names written in Cyrillic (Bulgarian mail writes
/// Bulgarian cities that way) match GeoNames' Latin names. Bulgarian follows the Streamlined
/// System that GeoNames uses for Bulgaria (щ→sht, ж→zh, ц→ts, ъ→a, final -ия→-ia); the Russian and
/// Serbian variants cover the other Cyrillic alphabets a haulier meets.
/// </summary>
public static class CyrillicTransliteration
{
    /// <summary>True when <paramref name="text"/> contains at least one Cyrillic letter.</summary>
    public static bool ContainsCyrillic(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Bulgarian Streamlined System: <c>София</c> → <c>Sofia</c>, <c>Пазарджик</c> → <c>Pazardzhik</c>,
    /// <c>Велико Търново</c> → <c>Veliko Tarnovo</c>. Non-Cyrillic characters are kept.
    /// </summary>
    /// <param name="text">The text to transliterate.</param>
    /// <param name="finalIaAsIa">Write a word-final <c>ия</c> as <c>ia</c> (the system's rule: София → Sofia);
    /// false writes <c>iya</c> (Sofiya), the form some sources use.</param>
    public static string Bulgarian(string text, bool finalIaAsIa = true) => Transliterate(text, Script.Bulgarian, finalIaAsIa);

    /// <summary>Russian/Ukrainian/Belarusian (BGN/PCGN-like, no diacritics): <c>Москва</c> → <c>Moskva</c>, х → kh, щ → shch.</summary>
    public static string Russian(string text) => Transliterate(text, Script.Russian, finalIaAsIa: false);

    /// <summary>Serbian and Macedonian, to the diacritic-free form of their Latin alphabet: <c>Ниш</c> → <c>Nis</c>, <c>Ђаковица</c> → <c>Djakovica</c>.</summary>
    public static string Serbian(string text) => Transliterate(text, Script.Serbian, finalIaAsIa: false);

    private enum Script
    {
        Bulgarian,
        Russian,
        Serbian,
    }

    private static string Transliterate(string text, Script script, bool finalIaAsIa)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            var upper = c != lower;
            if (finalIaAsIa && lower == 'и' && i + 1 < text.Length && char.ToLowerInvariant(text[i + 1]) == 'я'
                && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
            {
                builder.Append(upper ? "Ia" : "ia");
                i++;
                continue;
            }

            var latin = Map(lower, script);
            if (latin is null)
            {
                builder.Append(c);
            }
            else if (upper && latin.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(latin[0])).Append(latin.AsSpan(1));
            }
            else
            {
                builder.Append(latin);
            }
        }

        return builder.ToString();
    }

    private static string? Map(char c, Script script)
    {
        switch (script)
        {
            case Script.Bulgarian:
                switch (c)
                {
                    case 'ж': return "zh";
                    case 'х': return "h";
                    case 'ц': return "ts";
                    case 'щ': return "sht";
                    case 'ъ': return "a";
                    case 'ь': return "y";
                    case 'й': return "y";
                }

                break;
            case Script.Russian:
                switch (c)
                {
                    case 'ж': return "zh";
                    case 'х': return "kh";
                    case 'ц': return "ts";
                    case 'щ': return "shch";
                    case 'ъ' or 'ь': return string.Empty;
                    case 'й': return "y";
                    case 'ы': return "y";
                    case 'э': return "e";
                    case 'ё': return "e";
                    case 'г': return "g";
                    case 'і': return "i";
                    case 'ї': return "yi";
                    case 'є': return "ye";
                    case 'ґ': return "g";
                    case 'ў': return "u";
                }

                break;
            case Script.Serbian:
                switch (c)
                {
                    case 'ж': return "z";
                    case 'х': return "h";
                    case 'ц' or 'ч' or 'ћ': return "c";
                    case 'ш': return "s";
                    case 'ђ': return "d";
                    case 'џ': return "dz";
                    case 'ј': return "j";
                    case 'љ': return "lj";
                    case 'њ': return "nj";
                    case 'ѓ': return "g";
                    case 'ќ': return "k";
                    case 'ѕ': return "dz";
                    case 'й': return "j";
                }

                break;
        }

        return c switch
        {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sht",
            'ъ' => "a",
            'ь' => "y",
            'ю' => "yu",
            'я' => "ya",
            'ё' => "yo",
            'ы' => "y",
            'э' => "e",
            'і' => "i",
            'ї' => "yi",
            'є' => "ye",
            'ґ' => "g",
            'ў' => "u",
            'ј' => "j",
            'љ' => "lj",
            'њ' => "nj",
            'ђ' => "dj",
            'ћ' => "c",
            'џ' => "dz",
            'ѓ' => "g",
            'ќ' => "k",
            'ѕ' => "dz",
            _ => null,
        };
    }
}
