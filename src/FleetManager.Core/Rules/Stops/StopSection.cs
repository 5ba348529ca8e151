using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The lines of one labelled stop ("Beladestelle:" and the address lines under it, plus its
/// "Ladetermin:" line): collected while the section is open, then read into a <see cref="StopFragment"/>.
/// </summary>
internal sealed class StopSection(StopType type, int start, StopReading reading)
{
    private readonly List<(int Start, string Text, bool IsDateLine)> _lines = [];

    public StopType Type { get; } = type;

    public int Start { get; } = start;

    public bool HasPlace { get; private set; }

    public DateOnly? Date { get; private set; }

    public void Add(TextLine line, int valueStart, bool isDateLine)
    {
        var value = valueStart >= line.Text.Length ? "" : line.Text[valueStart..];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        _lines.Add((line.Start + valueStart, value, isDateLine));
        if (!isDateLine && !HasPlace && reading.Places(value).Count > 0)
        {
            HasPlace = true;
        }

        if (Date is null && reading.FirstDate(value) is { } d)
        {
            Date = d.Date;
        }
    }

    public StopFragment ToFragment()
    {
        var f = new StopFragment { Type = Type, Position = Start, Origin = this };
        var placeLine = -1;
        for (var i = 0; i < _lines.Count && f.Place is null; i++)
        {
            if (_lines[i].IsDateLine)
            {
                continue;
            }

            var places = reading.Places(_lines[i].Text);
            if (places.Count > 0)
            {
                f.Place = places[0];
                f.PlaceOffset = _lines[i].Start + places[0].Index;
                placeLine = i;
            }
        }

        // The date: a dated line of this stop first, else the first date in the section.
        var dateLine = -1;
        DateMatch? date = null;
        for (var pass = 0; pass < 2; pass++)
        {
            var preferDateLines = pass == 0;
            for (var i = 0; i < _lines.Count && date is null; i++)
            {
                if (_lines[i].IsDateLine == preferDateLines && reading.FirstDate(_lines[i].Text) is { } d)
                {
                    date = d;
                    dateLine = i;
                }
            }
        }

        // No date but a weekday alone in the stop's own lines ("fredag kl. 7-10"): the next such day. Weekdays on two lines
        // of a kind leave it unclear which is the stop's: no date.
        var unclear = false;
        for (var pass = 0; pass < 2 && date is null && !unclear; pass++)
        {
            var preferDateLines = pass == 0;
            for (var i = 0; i < _lines.Count && !unclear; i++)
            {
                if (_lines[i].IsDateLine == preferDateLines && reading.WeekdayOnly(_lines[i].Text) is { } day)
                {
                    unclear = date is not null;
                    date = unclear ? null : day;
                    dateLine = i;
                }
            }
        }

        if (date is { } found)
        {
            f.Date = found.Date;
            f.DateOffset = _lines[dateLine].Start + found.Index;
            f.DateLength = found.Length;
            f.Window = reading.WindowWithoutDates(_lines[dateLine].Text);
        }

        for (var i = 0; i < _lines.Count && f.Window.IsEmpty; i++)
        {
            if (i != placeLine && i != dateLine && (_lines[i].IsDateLine || date is null || i > dateLine))
            {
                f.Window = reading.WindowWithoutDates(_lines[i].Text);
            }
        }

        if (f.Place is { Country: null })
        {
            f.Country = CountryNamedInSection();
        }

        DescribePlace(f, placeLine, dateLine);
        return f;
    }

    /// <summary>Company and address as written (free text, not scored): the lines up to and including the place.</summary>
    private void DescribePlace(StopFragment f, int placeLine, int dateLine)
    {
        if (placeLine < 0)
        {
            return;
        }

        var parts = new List<string>();
        for (var i = 0; i <= placeLine; i++)
        {
            if (i == dateLine || _lines[i].IsDateLine)
            {
                continue;
            }

            var text = _lines[i].Text.Trim().Trim(',', ';', '-', '–', ' ');
            if (text.Length > 0)
            {
                parts.Add(text);
            }
        }

        if (parts.Count == 0)
        {
            return;
        }

        if (parts.Count == 1)
        {
            var pieces = parts[0].Split(", ");
            if (pieces.Length >= 3)
            {
                f.Company = pieces[0];
                f.Address = string.Join(", ", pieces[1..]);
            }
            else
            {
                f.Address = parts[0];
            }

            return;
        }

        f.Company = parts[0];
        f.Address = string.Join(", ", parts[1..]);
    }

    /// <summary>The one country the section names as a separate piece ("... en Budapest (Hungría), ..."), or null.</summary>
    private string? CountryNamedInSection()
    {
        string? found = null;
        foreach (var (_, text, _) in _lines)
        {
            foreach (var piece in text.Split([',', '(', ')', '|', ';']))
            {
                if (StopCountryNames.FromName(piece) is { } iso && piece.Trim().Length > 3)
                {
                    if (found is not null && found != iso)
                    {
                        return null;
                    }

                    found = iso;
                }
            }
        }

        return found;
    }
}
