namespace FleetManager.Core.Rules.Stops;

/// <summary>The stop field a load-list column holds.</summary>
internal enum LoadListField
{
    None,
    /// <summary>A whole place ("From", "Origin", "Ladeort" with "DE-85386 Eching").</summary>
    Place,
    PostalCode,
    City,
    Country,
    Date,
    Time,
    Address,
    Company,
    /// <summary>Whether the row is a loading or an unloading stop (a long list: one row per stop).</summary>
    StopKind,
    /// <summary>The order's reference, repeated on each of its rows in a long list.</summary>
    Reference,
}
