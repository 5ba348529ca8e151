namespace FleetManager.Google.Sheets;

/// <summary>values.append's answer; only <see cref="Updates"/> matters (which rows were written).</summary>
internal sealed record SheetsAppendResponse(string? SpreadsheetId, string? TableRange, SheetsUpdates? Updates);
