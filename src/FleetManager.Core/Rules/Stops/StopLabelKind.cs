namespace FleetManager.Core.Rules.Stops;

/// <summary>What a field label in a transport email introduces, as far as stops are concerned.</summary>
internal enum StopLabelKind
{
    /// <summary>Not about stops (goods, vehicle, price ...): ends a stop section.</summary>
    Other,
    Loading,
    Unloading,
    LoadingDate,
    UnloadingDate,
    /// <summary>A date or time window without a stop type ("Date:", "Zeitfenster:").</summary>
    Date,
    /// <summary>A loading reference, slot or PIN: belongs to the stop but is neither place nor date.</summary>
    Reference,
    /// <summary>A company name or address field inside a stop section ("Ditta:", "Indirizzo:").</summary>
    Place,
}
