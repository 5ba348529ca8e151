using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// What one labelled section, route half or table row says about a stop. A fragment without a place
/// (a "Ladetermin:" line) is merged into the place fragment of the same type it belongs to.
/// </summary>
internal sealed class StopFragment
{
    public required StopType Type { get; init; }

    public required int Position { get; init; }

    public PostalPlace? Place { get; set; }

    /// <summary>Where the place was read (absolute offset into the document text).</summary>
    public int PlaceOffset { get; set; }

    public string? Company { get; set; }

    public string? Address { get; set; }

    public DateOnly? Date { get; set; }

    public int DateOffset { get; set; }

    public int DateLength { get; set; }

    public TimeWindow Window { get; set; }

    /// <summary>Country given separately (a load list's country column).</summary>
    public string? Country { get; set; }

    /// <summary>A city given without a postal code (a load list's city column, a route without codes).</summary>
    public string? BareCity { get; set; }

    public int BareCityOffset { get; set; }

    public bool HasPlace => Place is not null || BareCity is not null;

    /// <summary>The section the fragment was read from, when it was.</summary>
    public StopSection? Origin { get; init; }
}
