using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Gives a load list's columns a meaning from what their cells hold where the header does not say
/// (a header in a language the vocabularies lack, an abbreviation): loading/unloading words make the
/// stop-kind column of a long list, dates a date column, postal codes and the text column after
/// them the place, country codes the country. Works on the cells alone, so it needs no language.
/// </summary>
internal static partial class LoadListColumnInference
{
    /// <summary>The rows looked at: a plan's first rows show what each column holds.</summary>
    private const int SampleRows = 20;

    /// <summary>Any date will do: only whether a cell starts with a date counts, not which.</summary>
    private static readonly DateOnly AnyDate = new(2000, 6, 15);

    public static void Complete(string text, LoadListColumn[] columns, List<(int Start, int Length)> rows, LoadListLayout layout)
    {
        // Before anything is inferred: only a header word ("CP", "PLZ", "País") says a column is a part of a place.
        AssignPlaceParts(columns);
        var cells = new List<string>[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            cells[i] = [];
        }

        foreach (var (start, length) in rows.Take(SampleRows))
        {
            var spans = layout.Split(text, start, length);
            for (var i = 0; i < columns.Length && i < spans.Count; i++)
            {
                if (spans[i].Length > 0)
                {
                    cells[i].Add(LoadListTable.CellText(text, spans[i]));
                }
            }
        }

        for (var i = 0; i < columns.Length; i++)
        {
            var values = cells[i];
            if (values.Count == 0)
            {
                continue;
            }

            var column = columns[i];
            if (column.Type is not null && column.Field == LoadListField.Place && values.TrueForAll(v => !v.Any(char.IsLetter) || StartsWithDate(v)))
            {
                // "Yükleme" over "08-03 08:00-12:00": the stop's date column, not its place.
                columns[i] = column with { Field = LoadListField.Date };
                continue;
            }

            if (column.Field != LoadListField.None)
            {
                continue;
            }

            columns[i] = column with { Field = Infer(values, i + 1 < columns.Length ? cells[i + 1] : []) };
        }

        // A city column without a header word: the text column right after a postal-code column.
        for (var i = 1; i < columns.Length; i++)
        {
            if (columns[i].Field == LoadListField.None && columns[i - 1].Field == LoadListField.PostalCode && IsPlainText(cells[i]))
            {
                columns[i] = columns[i] with { Type = columns[i - 1].Type, Field = LoadListField.City };
            }
        }

        var isLong = Array.Exists(columns, c => c.Field == LoadListField.StopKind);
        if (isLong)
        {
            // The order's reference repeats on each of its rows: what groups a long list's rows into orders.
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i] is { Type: null, Field: LoadListField.None } && cells[i].Count == rows.Take(SampleRows).Count()
                    && cells[i].TrueForAll(IsReferenceLike) && cells[i].Distinct(StringComparer.Ordinal).Count() < cells[i].Count)
                {
                    columns[i] = columns[i] with { Field = LoadListField.Reference };
                    break;
                }
            }

            return;
        }

        // "Załadunek | Data zał. | Rozładunek | Data rozł.": with a date column after each stop's place
        // column, an untyped date column belongs to the stop whose column is on its left.
        var untypedDates = Array.FindAll(columns, c => c is { Type: null, Field: LoadListField.Date or LoadListField.Time }).Length;
        if (untypedDates >= 2)
        {
            StopType? left = null;
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i].Type is { } type)
                {
                    left = type;
                }
                else if (columns[i].Field is LoadListField.Date or LoadListField.Time && left is not null)
                {
                    columns[i] = columns[i] with { Type = left };
                }
            }
        }
        else if (untypedDates == 1 && !Array.Exists(columns, c => c is { Type: not null, Field: LoadListField.Date }))
        {
            // A plan's one date column ("Datum nakl.", "Date") with no stop's date beside it is the day the truck loads.
            var i = Array.FindIndex(columns, c => c is { Type: null, Field: LoadListField.Date });
            if (i >= 0)
            {
                columns[i] = columns[i] with { Type = StopType.Loading };
            }
        }
    }

    /// <summary>
    /// "Origen | CP | Destino | CP | País": a postal-code, city or country column that names no stop belongs to the stop
    /// whose place column is beside it, the one on its left unless that stop has such a column already.
    /// </summary>
    private static void AssignPlaceParts(LoadListColumn[] columns)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is not { Type: null, Field: LoadListField.PostalCode or LoadListField.City or LoadListField.Country })
            {
                continue;
            }

            var field = columns[i].Field;
            var left = i > 0 && IsStopPlacePart(columns[i - 1]) ? columns[i - 1].Type : null;
            var right = i + 1 < columns.Length && IsStopPlacePart(columns[i + 1]) ? columns[i + 1].Type : null;
            var type = left is { } l && !Array.Exists(columns, c => c.Type == l && c.Field == field) ? left
                : right is { } r && !Array.Exists(columns, c => c.Type == r && c.Field == field) ? right
                : null;
            if (type is not null)
            {
                columns[i] = columns[i] with { Type = type };
            }
        }
    }

    private static bool IsStopPlacePart(LoadListColumn column) =>
        column.Type is not null && column.Field is LoadListField.Place or LoadListField.City or LoadListField.PostalCode or LoadListField.Country or LoadListField.Address;

    private static LoadListField Infer(List<string> values, List<string> next)
    {
        if (values.Count >= 2 && values.TrueForAll(v => LoadListTable.StopTypeOf(v) is not null)
            && values.Exists(v => LoadListTable.StopTypeOf(v) == StopType.Loading) && values.Exists(v => LoadListTable.StopTypeOf(v) == StopType.Unloading))
        {
            return LoadListField.StopKind;
        }

        if (values.TrueForAll(StartsWithDate))
        {
            return LoadListField.Date;
        }

        if (values.TrueForAll(v => ClockTime().IsMatch(v)))
        {
            return LoadListField.Time;
        }

        if (values.TrueForAll(v => v.Length == 2 && StopCountryNames.FromCode(v) is not null) || values.TrueForAll(v => StopCountryNames.FromName(v) is not null))
        {
            return LoadListField.Country;
        }

        // A code with a country prefix or an inner space or dash ("LT-57164", "2678 LW", "87-100") is a
        // postal code; bare digits ("57164") only when a column of plain text (the city) follows.
        if (values.TrueForAll(v => ShapedPostalCode().IsMatch(v)) || (values.TrueForAll(v => BarePostalCode().IsMatch(v)) && IsPlainText(next)))
        {
            return LoadListField.PostalCode;
        }

        if (values.TrueForAll(v => PostalPlaceParser.FindAll(v).Count > 0))
        {
            return LoadListField.Place;
        }

        return LoadListField.None;
    }

    /// <summary>True when the cell starts with a date, after a weekday name if it has one ("man 08.02 07:00–10:00", "Tue 14.3.").</summary>
    private static bool StartsWithDate(string value)
    {
        var from = WeekdayNames.PrefixLength(value);
        return DateExpressionParser.FindFirst(value[from..], AnyDate) is { Index: 0 };
    }

    private static bool IsPlainText(List<string> values) => values.Count > 0 && values.TrueForAll(v => v.Any(char.IsLetter) && !v.Any(char.IsDigit));

    private static bool IsReferenceLike(string value) => value.Length is >= 3 and <= 30 && value.Any(char.IsDigit) && value.Any(c => char.IsLetter(c) || c is '-' or '/');

    [GeneratedRegex(@"^\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?$")]
    private static partial Regex ClockTime();

    /// <summary>
    /// A postal code by its shape: a country prefix before bare digits ("LT-57164", "LV-1021") or before any
    /// national shape ("PL-87-100", "SE-417 07", "NL-2678 LW"), or a shape digits alone do not have.
    /// </summary>
    [GeneratedRegex(@"^(?:[A-Z]{1,2}-(?:\d{3,5}(?:-\d{3})?|\d{2}-\d{3}|\d{3} \d{2}|\d{4} ?[A-Z]{2}|\d{4}-\d{3})|\d{2}-\d{3}|\d{3} \d{2}|\d{4} ?[A-Z]{2}|\d{4}-\d{3})$")]
    private static partial Regex ShapedPostalCode();

    [GeneratedRegex(@"^\d{4,5}$")]
    private static partial Regex BarePostalCode();
}
