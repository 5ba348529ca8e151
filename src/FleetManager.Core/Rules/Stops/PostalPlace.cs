namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// A postal code with its city as found in a line of text. <see cref="Country"/> is set when the
/// text itself says it (a prefix, a name, a format only one country uses); <see cref="Digits"/>
/// is the code's digit count so callers can apply a document-level default for the ambiguous ones.
/// </summary>
internal sealed record PostalPlace(int Index, int Length, string PostalCode, string City, string? Country, int Digits, bool ItalianProvince)
{
    /// <summary>
    /// True when <see cref="Country"/> comes only from the code's shape ("123 45" is Czech or Slovak,
    /// but Swedish and Greek too): the gazetteer may know better from the city.
    /// </summary>
    public bool CountryFromShape { get; init; }

    /// <summary>
    /// In "Telford, Shropshire TF3 3AT" the word before the code may be a county, not the town: the
    /// part before it ("Telford"), for the caller who can ask the gazetteer which one is a city.
    /// </summary>
    public string? TownBeforeCounty { get; init; }

    /// <summary>
    /// True for the shape that words other than places share ("Габрово 5300" at the end of an address,
    /// but also "Order 12345"): the city before a bare code with no comma between. Such a place counts
    /// only when the gazetteer knows the city (<see cref="StopReading.Places"/>).
    /// </summary>
    public bool NeedsConfirmation { get; init; }
}
