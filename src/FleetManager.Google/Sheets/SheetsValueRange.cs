using System.Text.Json;

namespace FleetManager.Google.Sheets;

/// <summary>The API's ValueRange (values.get): <c>values</c> is absent when the range is empty, rows are ragged.</summary>
internal sealed record SheetsValueRange(string? Range, string? MajorDimension, List<List<JsonElement>>? Values);
