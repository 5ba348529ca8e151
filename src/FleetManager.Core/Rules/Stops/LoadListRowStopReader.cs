using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Stops from the row of a load list (a weekly-plan table, a CSV/XLSX attachment) that the block
/// covers: the columns the table's header (or their content) gave a stop type and a field (postal code,
/// city, date ...). In a long list each row is one stop, of the type its stop-kind column names.
/// </summary>
internal static class LoadListRowStopReader
{
    public static List<StopFragment> Read(StopReading reading, OrderBlock block)
    {
        var document = reading.Document;
        var emailDate = reading.EmailDate;
        var result = new List<StopFragment>();
        if (!reading.LoadListKnown)
        {
            reading.LoadList = LoadListTable.Find(document.Text, 0, document.Text.Length, LoadListTable.CommaFrom(document));
            reading.LoadListKnown = true;
        }

        var table = reading.LoadList;
        if (table is null)
        {
            return result;
        }

        var isLong = table.IsLong;
        foreach (var (rowStart, rowLength) in table.Rows)
        {
            if (rowStart < block.Start || rowStart >= block.End)
            {
                continue;
            }

            var spans = table.CellSpans(document.Text, rowStart, rowLength);
            var cells = spans.Select(c => LoadListTable.CellText(document.Text, c)).ToArray();
            var offsets = spans.Select(c => c.Start).ToArray();

            // A long list's row is one stop, its type in the stop-kind column; a wide list's row holds both.
            StopType[] types = [StopType.Loading, StopType.Unloading];
            if (isLong)
            {
                var kind = Array.FindIndex(table.Columns, c => c.Field == LoadListField.StopKind);
                if (kind >= cells.Length || LoadListTable.StopTypeOf(cells[kind]) is not { } rowType)
                {
                    continue;
                }

                types = [rowType];
            }

            foreach (var type in types)
            {
                var f = new StopFragment { Type = type, Position = rowStart + (type == StopType.Loading || isLong ? 0 : 1) };
                string? postal = null, city = null, street = null;
                var cityOffset = rowStart;
                for (var i = 0; i < cells.Length && i < table.Columns.Length; i++)
                {
                    var column = table.Columns[i];
                    var cell = cells[i];
                    if (cell.Length == 0 || (isLong ? column.Type is not null : column.Type != type))
                    {
                        continue;
                    }

                    switch (column.Field)
                    {
                        case LoadListField.PostalCode: postal = cell; break;
                        case LoadListField.City: city = cell; cityOffset = offsets[i]; break;
                        case LoadListField.Country: f.Country = StopCountryNames.FromName(cell); break;
                        case LoadListField.Address: street = cell; break;
                        case LoadListField.Company: f.Company = cell; break;
                        case LoadListField.Date:
                            if (DateExpressionParser.FindFirst(cell, emailDate) is { } d)
                            {
                                f.Date = d.Date;
                                f.DateOffset = offsets[i] + d.Index;
                                f.DateLength = d.Length;
                                if (f.Window.IsEmpty)
                                {
                                    f.Window = TimeWindowParser.Parse(DateBlanking.Without(cell, d));
                                }
                            }

                            break;
                        case LoadListField.Time: f.Window = TimeWindowParser.Parse(cell); break;
                        case LoadListField.Place:
                            var places = PostalPlaceParser.FindAll(cell);
                            if (places.Count > 0)
                            {
                                // The cell is the address as written ("80331 München, DE").
                                street ??= cell;
                                f.Place = places[0];
                                f.PlaceOffset = offsets[i] + places[0].Index;
                            }
                            else
                            {
                                city ??= cell;
                                cityOffset = offsets[i];
                            }

                            break;
                    }
                }

                if (f.Place is null && (postal is not null || city is not null))
                {
                    var code = postal is null ? null : StopExtractor.NormalisePostal(postal, out _);
                    var cityName = city ?? "";
                    f.Place = new PostalPlace(cityOffset - rowStart, cityName.Length, code ?? "", cityName, f.Country ?? (code is null ? null : PostalPlaceParser.PatternCountry(code)), code?.Count(char.IsAsciiDigit) ?? 0, false);
                    f.PlaceOffset = cityOffset;
                }

                f.Address = string.Join(", ", new[] { street, string.Join(' ', new[] { postal, city }.Where(s => !string.IsNullOrEmpty(s))), f.Country }.Where(s => !string.IsNullOrEmpty(s)));
                if (f.HasPlace || f.Date is not null)
                {
                    result.Add(f);
                }
            }
        }

        return result;
    }
}
