namespace FleetManager.Google.Sheets;

/// <summary>UpdateValuesResponse inside an append: the range written and how many rows.</summary>
internal sealed record SheetsUpdates(string? UpdatedRange, int UpdatedRows, int UpdatedColumns, int UpdatedCells);
