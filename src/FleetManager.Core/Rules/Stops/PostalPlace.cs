namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// A postal code with its city as found in a line of text. <see cref="Country"/> is set when the
/// text itself says it (a prefix, a name, a format only one country uses); <see cref="Digits"/>
/// is the code's digit count so callers can apply a document-level default for the ambiguous ones.
/// </summary>
internal sealed record PostalPlace(int Index, int Length, string PostalCode, string City, string? Country, int Digits, bool ItalianProvince);
