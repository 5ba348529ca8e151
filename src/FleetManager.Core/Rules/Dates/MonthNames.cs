using System.Collections.Frozen;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// Month names and their usual abbreviations in the languages the engine reads (nominative and
/// genitive forms, since "3 grudnia" and "3. prosince" are the forms dates use), folded with
/// <see cref="TextFold"/>.
/// </summary>
internal static class MonthNames
{
    private static readonly string[][] ByMonth =
    [
        ["january", "jan", "januar", "janner", "jaenner", "janvier", "janv", "gennaio", "enero", "janeiro", "januari", "stycznia", "styczen", "ledna", "leden", "januara", "januar", "januarja", "ianuarie", "ian", "януари", "яну", "sausio", "ocak", "janvara", "januarom", "janur"],
        ["february", "feb", "februar", "fevrier", "fevr", "febbraio", "febrero", "fevereiro", "februari", "lutego", "luty", "unora", "unor", "februara", "februarja", "februarie", "февруари", "фев", "vasario", "subat", "febr"],
        ["march", "marz", "maerz", "mars", "marzo", "marco", "maart", "marca", "marzec", "brezna", "brezen", "marca", "marec", "martie", "март", "mrt", "marc"],
        ["april", "apr", "avril", "aprile", "abril", "kwietnia", "kwiecien", "dubna", "duben", "aprila", "aprilie", "април", "balandzio", "nisan", "aprilis"],
        ["may", "mai", "maggio", "mayo", "maio", "mei", "maja", "maj", "kvetna", "kveten", "maja", "mai", "май", "geguzes", "mayis", "majus"],
        ["june", "jun", "juni", "juin", "giugno", "junio", "junho", "czerwca", "czerwiec", "cervna", "cerven", "juna", "junija", "iunie", "юни", "birzelio", "haziran", "junius"],
        ["july", "jul", "juli", "juillet", "juil", "luglio", "julio", "julho", "lipca", "lipiec", "cervence", "cervenec", "jula", "julija", "iulie", "юли", "liepos", "temmuz", "julius"],
        ["august", "aug", "aout", "agosto", "augustus", "sierpnia", "sierpien", "srpna", "srpen", "augusta", "avgusta", "avgust", "august", "август", "rugpjucio", "agustos", "augusztus"],
        ["september", "sep", "sept", "septembre", "settembre", "septiembre", "setembro", "wrzesnia", "wrzesien", "zari", "septembra", "septembrie", "септември", "сеп", "rugsejo", "eylul", "szeptember", "szept"],
        ["october", "oct", "oktober", "okt", "octobre", "ottobre", "ott", "octubre", "outubro", "pazdziernika", "pazdziernik", "rijna", "rijen", "oktobra", "octombrie", "октомври", "окт", "spalio", "ekim", "oktober"],
        ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "listopadu", "novembra", "noiembrie", "ноември", "ное", "lapkricio", "kasim"],
        ["december", "dec", "dezember", "dez", "decembre", "dicembre", "diciembre", "dezembro", "grudnia", "grudzien", "prosince", "prosinec", "decembra", "decembrie", "декември", "дек", "gruodzio", "aralik"],
    ];

    private static readonly FrozenDictionary<string, int> Lookup = Build();

    private static FrozenDictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < ByMonth.Length; m++)
        {
            foreach (var name in ByMonth[m])
            {
                map.TryAdd(TextFold.Fold(name), m + 1);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The month number (1-12) of a month word, or 0 when the word is not a month.</summary>
    public static int MonthOf(ReadOnlySpan<char> word)
    {
        var folded = TextFold.Fold(word).TrimEnd('.');
        return Lookup.TryGetValue(folded, out var month) ? month : 0;
    }
}
