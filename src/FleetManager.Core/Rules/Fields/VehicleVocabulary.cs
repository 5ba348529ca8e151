using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Words for each vehicle type of the spec, in the mailbox's languages, tried in precedence order:
/// a more specific body wins over a generic one (a Kühlkoffer is a reefer, a mega tautliner is mega,
/// a sprinter with a tarp is a van, an open platform with a cover is a flatbed).
/// </summary>
public static partial class VehicleVocabulary
{
    /// <summary>
    /// The language files' vehicle keys in precedence order (a more specific body first). Declared first: the word
    /// tables below are built from it when the class is initialised.
    /// </summary>
    private static readonly (VehicleType Type, string Key)[] DataKeys =
    [
        (VehicleType.Mega, "vehicle.mega"), (VehicleType.Reefer, "vehicle.reefer"), (VehicleType.Tanker, "vehicle.tanker"),
        (VehicleType.Van, "vehicle.van"), (VehicleType.Flatbed, "vehicle.flatbed"), (VehicleType.Box, "vehicle.box"),
        (VehicleType.Tautliner, "vehicle.tautliner"),
    ];

    /// <summary>
    /// Finds the vehicle type named in <paramref name="text"/>; <paramref name="strict"/> leaves out words that also
    /// have everyday meanings ("box", "plane", "open"). <paramref name="foldedText"/>, when the caller has it, is
    /// <paramref name="text"/> already folded (<see cref="TextFold.Fold(ReadOnlySpan{char})"/>), so it is not folded again.
    /// </summary>
    public static (VehicleType Type, int Index, int Length)? Find(ReadOnlySpan<char> text, bool strict, string? foldedText = null)
    {
        // The rules are listed best rank first, so the first rule that matches is the answer and the
        // rest need not run (most of this method's cost was running all thirteen over every block).
        foreach (var (type, _, regex, isStrictSafe) in Rules)
        {
            if (strict && !isStrictSafe)
            {
                continue;
            }

            foreach (var match in regex.EnumerateMatches(text))
            {
                return (type, match.Index, match.Length);
            }
        }

        return FindInVocabulary(text, strict, foldedText);
    }

    /// <summary>
    /// The vehicle words of the language files, tried in the same precedence (mega, reefer, tanker, van,
    /// flatbed, box, tautliner). A word right after a negation ("ne skříň", "not curtain", "ikke kølebil")
    /// names what the truck is not and is passed over. In <paramref name="strict"/> mode (a text without a
    /// vehicle label) only words of four letters or more count.
    /// </summary>
    private static (VehicleType Type, int Index, int Length)? FindInVocabulary(ReadOnlySpan<char> text, bool strict, string? foldedText)
    {
        var folded = foldedText ?? TextFold.Fold(text);
        foreach (var (type, words) in DataWords)
        {
            foreach (var (index, length) in words.Matches(folded))
            {
                if ((strict && length < 4) || IsNegated(folded, index))
                {
                    continue;
                }

                return folded.Length == text.Length ? (type, index, length) : (type, 0, 0);
            }
        }

        return FindCompound(folded, text.Length, strict);
    }

    /// <summary>
    /// A type word and a vehicle word of the files written as one word, as Nordic, Dutch and German mail does
    /// ("kapelltrailer", "gardinbil", "koelwagen"): the first split of a word into a type word (four letters or more in
    /// <paramref name="strict"/> mode) and a <c>vehicle.label</c> word, by the types' precedence.
    /// </summary>
    private static (VehicleType Type, int Index, int Length)? FindCompound(string folded, int textLength, bool strict)
    {
        var span = folded.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < span.Length && char.IsLetter(span[end]))
            {
                end++;
            }

            var word = span[i..end];
            (VehicleType Type, int Rank)? best = null;
            for (var k = strict ? 4 : 3; word.Length - k >= 3; k++)
            {
                if (CompoundTypeWords.TryGetValue(word[..k], out var candidate) && VehicleLabelWords.Contains(word[k..])
                    && (best is null || candidate.Rank < best.Value.Rank))
                {
                    best = candidate;
                }
            }

            if (best is { } found && !IsNegated(folded, i))
            {
                return folded.Length == textLength ? (found.Type, i, end - i) : (found.Type, 0, 0);
            }

            i = end;
        }

        return null;
    }

    /// <summary>The one-word type words of the language files by folded word, with the rank of their type in <see cref="DataKeys"/>.</summary>
    private static readonly Dictionary<string, (VehicleType Type, int Rank)>.AlternateLookup<ReadOnlySpan<char>> CompoundTypeWords = BuildCompoundTypeWords();

    /// <summary>The one-word <c>vehicle.label</c> words of the language files ("trailer", "bil", "wagen", "oplegger"), folded.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VehicleLabelWords =
        new HashSet<string>(VocabularyCatalog.Folded("vehicle.label").Where(w => w.Length >= 3 && !w.Contains(' ', StringComparison.Ordinal)), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, (VehicleType Type, int Rank)>.AlternateLookup<ReadOnlySpan<char>> BuildCompoundTypeWords()
    {
        // A van's words are no compound's first half ("van" is also a Dutch preposition).
        var words = new Dictionary<string, (VehicleType, int)>(StringComparer.Ordinal);
        for (var rank = 0; rank < DataKeys.Length; rank++)
        {
            if (DataKeys[rank].Type == VehicleType.Van)
            {
                continue;
            }

            foreach (var word in VocabularyCatalog.Folded(DataKeys[rank].Key))
            {
                if (word.Length >= 3 && !word.Contains(' ', StringComparison.Ordinal))
                {
                    words.TryAdd(word, (DataKeys[rank].Type, rank));
                }
            }
        }

        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static bool IsNegated(string folded, int index)
    {
        var before = folded.AsSpan(0, index).TrimEnd(" ,;:(-".AsSpan());
        var start = before.LastIndexOfAny(' ', '\n', '(') + 1;
        return NegationLookup.Contains(before[start..]);
    }

    /// <summary>Words that negate the vehicle word after them.</summary>
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "non", "nicht", "kein", "keine", "keinen", "ne", "nie", "nu", "nem", "не", "ні", "ikke", "ej", "inte", "ei", "nē", "nav",
        "όχι", "οχι", "μη", "δεν", "değil", "degil", "sans", "senza", "sin", "sem", "ohne", "zonder", "geen", "uten", "utan", "uden", "ilman", "bez",
        "без", "fara", "fără", "nije", "ni", "nicht", "niet", "pas", "ingen", "nincs",
    };

    /// <summary><see cref="Negations"/> looked up by span, without copying the word.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup = Negations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The words of <see cref="DataKeys"/>; Dutch "van" (a preposition) is no van.
    /// </summary>
    private static readonly (VehicleType Type, PhraseSet Words)[] DataWords =
        [.. DataKeys.Select(k => (k.Type, new PhraseSet(VocabularyCatalog.Words(k.Key).Select(w => w.Word).Where(w => k.Type != VehicleType.Van || w != "van"))))];

    private static readonly (VehicleType Type, int Rank, Regex Regex, bool StrictSafe)[] Rules =
    [
        (VehicleType.Mega, 0, Mega(), true),
        (VehicleType.Jumbo, 1, Jumbo(), true),
        (VehicleType.Reefer, 2, Reefer(), true),
        (VehicleType.Tanker, 3, Tanker(), true),
        (VehicleType.Container, 4, ContainerChassis(), true),
        (VehicleType.Container, 5, ContainerLoose(), false),
        (VehicleType.Van, 6, Van(), true),
        (VehicleType.Flatbed, 7, Flatbed(), true),
        (VehicleType.Flatbed, 8, FlatbedLoose(), false),
        (VehicleType.Box, 9, Box(), true),
        (VehicleType.Box, 10, BoxLoose(), false),
        (VehicleType.Tautliner, 11, Tautliner(), true),
        (VehicleType.Tautliner, 12, TautlinerLoose(), false),
    ];

    [GeneratedRegex(@"\bmega(?:trailer|-?trailer|liner|sattel|auflieger|naczepa)?\b|\bmegatrailer|\bmega\s*(?:trailer|tautliner|plane)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mega();

    [GeneratedRegex(@"\bjumbo\w*|\bvolumen(?:zug|trailer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Jumbo();

    [GeneratedRegex(@"\bfrig\w*|\breefer\w*|k(?:ü|ue)hl(?:koffer|auflieger|sattel|fahrzeug|lkw|er\b|zug|trailer|transport)\w*|\bthermo(?:koffer|trailer)|\brefrigerat\w*|\bch[łl]odni\w*|\bizoterm\w*|\bkoel(?:wagen|trailer|auto)\w*|\bvries\w*trailer|\bхладил\w*|\bфриго\w*|\brefrigerad\w*|\bfrigor\w*|\bchlad(?:írensk|írn|irensk|irn)\w*|\bh(?:ű|u)t(?:ő|o)s\w*|\bfrigorific\w*|\bfrigo\b|\bsoğutucu|\bšaldytuv\w*|\bhladilni\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reefer();

    [GeneratedRegex(@"\btank(?:er|wagen|sattel|auflieger|zug|fahrzeug|container)?\b|\bcyster\w*|\bcistern\w*|\bciterne\w*|\bцистерн\w*|\bавтоцистерн\w*|\bsilo(?:fahrzeug|zug|auflieger|trailer)\w*|\bsilos\b|\btartály\w*|\bautocisterna\w*|\bautocistern\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tanker();

    [GeneratedRegex(@"\bcontainer\s*chassis|\bchassis\b|\bportacontainer\w*|\bcontainerchassis|\bkontener\w*owiec\w*|\bpodwozie\s+kontenerowe|\bporte-?conteneur\w*|\bportacontenedor\w*|\bkontejner\w*|\btelaio\b|\bcontainer(?:trailer|auflieger|sattel)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContainerChassis();

    [GeneratedRegex(@"\bcontainer\b|\bконтейнер\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContainerLoose();

    [GeneratedRegex(@"\bsprinter\b|\bkleintransporter\w*|\btransporter\b|^\s*van\b|\b(?:a|one|1|small|transit|cargo|luton|panel|by|per|the)\s+van\b|\bvan\s*(?:\(|up\s+to|max|3[,.]5|only)|\bbus(?:a|ik|u|em)?\b|\bblaszak\w*|\bdod[áa]vk\w*|\bfurgon\w*|\bfourgon\w*|\bfurgone\w*|\bfurgoneta\w*|\bdub[ăaã]\b|\bbestelwagen\w*|\bkisteherautó|\bбус\b|\bбусове\b|\bдо\s*3[,.]5\s*т|\b(?:do|bis|up to|max\.?)\s*3[,.]5\s*t\b|\b3[,.]5\s*t\s*(?:bus|van|sprinter)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Van();

    [GeneratedRegex(@"\bflatbed\w*|\bplatform\w*|\bplatforma\w*|\bплатформ\w*|\bpritsche\w*|\bplateau\w*|\bpiattaforma\w*|\bplataforma\w*|\bplošin\w*|\bnaczepa\s+(?:płaska|plaska|odkryta)|\bopen\s+(?:trailer|truck|platform)|\boffen(?:er|e)?\s+(?:auflieger|lkw|sattel|pritsche)|\bstandard\s+platform|\bcoilmulde\w*|\bsemi-?plateau", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Flatbed();

    [GeneratedRegex(@"\bopen\b|\bodkryt\w*|\bбордов\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FlatbedLoose();

    [GeneratedRegex(@"\b(?:sattel)?koffer\w*|\bbox\s*(?:trailer|truck|body|van)|\bclosed\s+(?:box|trailer|truck)|\bfourgon\s+ferm\w*|\bcaisse\s+ferm\w*|\bfurgonat\w*|\bdobozos\b|\bskříňov\w*|\bskrinov\w*|\bkontener\b|\bfurgone\s+chiuso|\bcassonato\b|\bgesloten\s+(?:trailer|oplegger)|\bзакрит\w*|\bdubă\s+închis\w*|\bkapalı\s+kasa", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Box();

    [GeneratedRegex(@"\bbox\b|\bgeschlossen\w*|\bclosed\b|\bzamkni[eę]t\w*|\bzárt\b|\buzavřen\w*|\bchiuso\b|\bcerrado\b|\bferm[ée]\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoxLoose();

    [GeneratedRegex(@"\btautliner\w*|\bcurtain\s*-?sider\w*|\bcurtain\b|\bplanen(?:sattel|auflieger|zug|-?lkw|-sattel|trailer|aufbau|fahrzeug)\w*|\bschiebeplane\w*|\bplandek\w*|\bfiran\w*|\bbâch\w*|\bbach[ée]\w*|\btelonat\w*|\bcentinat\w*|\bcentinato\b|\blona\b|\bde\s+lona\b|\bplacht\w*|\bponyv\w*|\bprelat\w*|\bтент\w*|\bплатнищ\w*|\bschuifzeil\w*|\bhuifwagen\w*|\btenda\b|\btendone\b|\btendal\w*|\btenteli\b|\btentinis\b|\bcerada\b|\bsider\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tautliner();

    [GeneratedRegex(@"\bplane\b|\bstandard\s+trailer\b|\bsemi\s+standard\b|\bstandard\s+13[,.]6", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TautlinerLoose();
}
