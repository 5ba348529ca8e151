using System.Collections.Frozen;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Country names (in the languages of the engine, endonyms and exonyms, folded), ISO codes and the
/// vehicle/postal prefixes written before postal codes (D-, A-, H-, CZ-), all mapped to ISO 3166-1 alpha-2.
/// </summary>
internal static class StopCountryNames
{
    private static readonly (string Iso, string[] Names)[] Table =
    [
        ("DE", ["germany", "deutschland", "allemagne", "germania", "alemania", "alemanha", "duitsland", "niemcy", "nemecko", "německo", "németország", "germania", "германия", "nemčija", "vokietija", "almanya", "brd"]),
        ("PL", ["poland", "polen", "pologne", "polonia", "polónia", "polska", "polsko", "poľsko", "lengyelország", "полша", "poljska", "lenkija", "polonya"]),
        ("CZ", ["czech republic", "czechia", "tschechien", "tschechische republik", "république tchèque", "republique tcheque", "tchéquie", "repubblica ceca", "cechia", "república checa", "chequia", "república checa", "tsjechië", "czechy", "česko", "česká republika", "ceska republika", "česká", "čechy", "csehország", "cehia", "republica cehă", "чехия", "češka", "čekija", "çekya", "tschechei"]),
        ("SK", ["slovakia", "slowakei", "slovaquie", "slovacchia", "eslovaquia", "slowakije", "słowacja", "slovensko", "szlovákia", "slovacia", "словакия", "slovaška", "slovakija", "slovakya"]),
        ("AT", ["austria", "österreich", "oesterreich", "autriche", "oostenrijk", "rakousko", "rakúsko", "ausztria", "австрия", "avstrija", "austrija", "avusturya"]),
        ("CH", ["switzerland", "schweiz", "suisse", "svizzera", "suiza", "zwitserland", "szwajcaria", "švýcarsko", "svajc", "svájc", "elveția", "швейцария", "švica", "isviçre"]),
        ("HU", ["hungary", "ungarn", "hongrie", "ungheria", "hungría", "hungria", "hongarije", "węgry", "wegry", "maďarsko", "madarsko", "magyarország", "ungaria", "унгария", "madžarska", "vengrija", "macaristan"]),
        ("RO", ["romania", "rumänien", "roumanie", "rumania", "rumunia", "rumunsko", "románia", "românia", "румъния", "romunija", "rumunija", "romanya", "roemenië"]),
        ("BG", ["bulgaria", "bulgarien", "bulgarie", "bulgarije", "bułgaria", "bulharsko", "bulgária", "българия", "bolgarija", "bulgarija", "bulgaristan"]),
        ("SI", ["slovenia", "slowenien", "slovénie", "eslovenia", "slovenië", "słowenia", "slovinsko", "szlovénia", "словения", "slovenija", "slovenya"]),
        ("HR", ["croatia", "kroatien", "croatie", "croazia", "croacia", "chorwacja", "chorvatsko", "horvátország", "croația", "хърватия", "hrvaška", "hrvatska", "kroatija", "hırvatistan"]),
        ("RS", ["serbia", "serbien", "serbie", "srbija", "srbsko", "szerbia", "сърбия", "sirbistan"]),
        ("LT", ["lithuania", "litauen", "lituanie", "lituania", "litwa", "litva", "litvánia", "литва", "lietuva", "litvanya"]),
        ("LV", ["latvia", "lettland", "lettonie", "lettonia", "letonia", "łotwa", "lotwa", "lotyšsko", "lettország", "латвия", "latvija", "letonya"]),
        ("EE", ["estonia", "estland", "estonie", "estonsko", "észtország", "естония", "estija", "estonya"]),
        ("FR", ["france", "frankreich", "francia", "francja", "francie", "frankrijk", "franciaország", "франция", "francija", "prancūzija", "fransa", "frança"]),
        ("IT", ["italy", "italien", "italie", "italia", "włochy", "wlochy", "itálie", "taliansko", "olaszország", "италия", "italija", "italya", "itália", "italië"]),
        ("ES", ["spain", "spanien", "espagne", "spagna", "españa", "espana", "hiszpania", "španělsko", "spanyolország", "spania", "испания", "španija", "ispanija", "ispanya", "espanha", "spanje"]),
        ("PT", ["portugal", "portogallo", "portugalia", "portugalsko", "portugália", "португалия", "portugalska", "portugalija", "portekiz"]),
        ("NL", ["netherlands", "the netherlands", "niederlande", "holland", "pays-bas", "paesi bassi", "países bajos", "holandia", "nizozemsko", "hollandia", "olanda", "țările de jos", "нидерландия", "холандия", "nizozemska", "nyderlandai", "hollanda", "nederland"]),
        ("BE", ["belgium", "belgien", "belgique", "belgio", "bélgica", "belgica", "belgië", "belgia", "belgie", "belgicko", "belgie", "белгия", "belgija", "belçika"]),
        ("LU", ["luxembourg", "luxemburg", "lussemburgo", "luxemburgo", "luksemburg", "lucembursko", "люксембург"]),
        ("DK", ["denmark", "dänemark", "danemark", "danimarca", "dinamarca", "denemarken", "dania", "dánsko", "dánia", "danemarca", "дания", "danska", "danija", "danimarka", "danmark"]),
        ("SE", ["sweden", "schweden", "suède", "svezia", "suecia", "zweden", "szwecja", "švédsko", "svédország", "suedia", "швеция", "švedska", "švedija", "isveç", "sverige"]),
        ("NO", ["norway", "norwegen", "norvège", "norvegia", "noruega", "noorwegen", "norwegia", "norsko", "norvégia", "норвегия", "norveška", "norvegija", "norveç", "norge"]),
        ("FI", ["finland", "finnland", "finlande", "finlandia", "finsko", "finnország", "finlanda", "финландия", "finska", "suomija", "finlandiya", "suomi"]),
        ("GB", ["united kingdom", "great britain", "england", "scotland", "wales", "großbritannien", "grossbritannien", "vereinigtes königreich", "royaume-uni", "regno unito", "reino unido", "wielka brytania", "anglia", "velká británie", "nagy-britannia", "marea britanie", "великобритания", "združeno kraljestvo", "jungtinė karalystė", "birleşik krallık", "uk", "u.k."]),
        ("IE", ["ireland", "irland", "irlande", "irlanda", "irlandia", "irsko", "írország", "ирландия", "irska", "airija"]),
        ("GR", ["greece", "griechenland", "grèce", "grecia", "grecja", "řecko", "görögország", "гърция", "grčija", "graikija", "yunanistan"]),
        ("TR", ["turkey", "türkei", "turquie", "turchia", "turquía", "turcja", "turecko", "törökország", "turcia", "турция", "turčija", "turkija", "türkiye", "turkiye"]),
        ("UA", ["ukraine", "ucraina", "ucrania", "ukraina", "ukrajina", "ukrajna", "украйна", "ukrajna"]),
        ("BY", ["belarus", "weißrussland", "białoruś", "bělorusko", "беларус"]),
        ("MK", ["north macedonia", "nordmazedonien", "macedonia", "северна македония"]),
        ("BA", ["bosnia and herzegovina", "bosnien", "bosnia", "босна"]),
        ("MD", ["moldova", "moldawien", "mołdawia", "молдова"]),
    ];

    /// <summary>Codes accepted as a country (ISO alpha-2 plus the usual alternatives).</summary>
    private static readonly FrozenDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DE"] = "DE", ["D"] = "DE", ["PL"] = "PL", ["CZ"] = "CZ", ["SK"] = "SK", ["AT"] = "AT", ["A"] = "AT", ["CH"] = "CH",
        ["HU"] = "HU", ["H"] = "HU", ["RO"] = "RO", ["BG"] = "BG", ["SI"] = "SI", ["SLO"] = "SI", ["HR"] = "HR", ["RS"] = "RS", ["SRB"] = "RS",
        ["LT"] = "LT", ["LV"] = "LV", ["EE"] = "EE", ["FR"] = "FR", ["F"] = "FR", ["IT"] = "IT", ["I"] = "IT", ["ES"] = "ES", ["E"] = "ES",
        ["PT"] = "PT", ["P"] = "PT", ["NL"] = "NL", ["BE"] = "BE", ["B"] = "BE", ["LU"] = "LU", ["L"] = "LU", ["DK"] = "DK", ["SE"] = "SE", ["S"] = "SE",
        ["NO"] = "NO", ["N"] = "NO", ["FI"] = "FI", ["FIN"] = "FI", ["GB"] = "GB", ["UK"] = "GB", ["IE"] = "IE", ["IRL"] = "IE", ["GR"] = "GR",
        ["TR"] = "TR", ["UA"] = "UA", ["BY"] = "BY", ["MK"] = "MK", ["BA"] = "BA", ["MD"] = "MD", ["CS"] = "CZ",
        ["IS"] = "IS", ["FO"] = "FO", ["MT"] = "MT", ["CY"] = "CY", ["AL"] = "AL", ["ME"] = "ME", ["MNE"] = "ME", ["XK"] = "XK",
        ["RKS"] = "XK", ["LI"] = "LI", ["FL"] = "LI", ["RU"] = "RU", ["RUS"] = "RU", ["AD"] = "AD", ["AND"] = "AD", ["SM"] = "SM",
        ["RSM"] = "SM", ["MC"] = "MC",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Names = BuildNames();

    private static FrozenDictionary<string, string> BuildNames()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (iso, names) in Table)
        {
            foreach (var name in names)
            {
                map.TryAdd(TextFold.Fold(name), iso);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The ISO code of a prefix or code written in capitals ("D", "CZ", "PL"), or null.</summary>
    public static string? FromCode(string code) => Codes.TryGetValue(code, out var iso) ? iso : null;

    [ThreadStatic]
    private static LabelMemo<string?>? t_named;

    private static readonly Func<string, string?> FromNameOnce = FromNameText;

    /// <summary>The ISO code of a country name in any of the known languages (or an upper-case code), or null.</summary>
    public static string? FromName(string text) => (t_named ??= new()).Get(text, FromNameOnce);

    private static string? FromNameText(string text)
    {
        var trimmed = text.Trim().Trim('(', ')', '.', ',', ';', '-', ' ');
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Length <= 3 && trimmed.All(char.IsAsciiLetterUpper))
        {
            return FromCode(trimmed);
        }

        if (Names.TryGetValue(TextFold.Fold(trimmed), out var iso))
        {
            return iso;
        }

        // The gazetteer's table knows more languages and spellings.
        return FleetManager.Core.Geo.CountryNames.TryResolve(trimmed, out var resolved) ? resolved : null;
    }
}
