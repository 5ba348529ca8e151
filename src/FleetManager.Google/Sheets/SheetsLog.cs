using Microsoft.Extensions.Logging;

namespace FleetManager.Google.Sheets;

/// <summary>The sink's log lines: counts and keys only, never order contents.</summary>
internal static partial class SheetsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Sheets: appended {Rows} row(s) to tab '{Sheet}'")]
    public static partial void Appended(ILogger logger, int rows, string sheet);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Sheets: tab '{Sheet}' is empty; the header row is written with the first rows")]
    public static partial void HeaderMissing(ILogger logger, string sheet);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Sheets: cell A1 of tab '{Sheet}' is not '" + SheetsOrderRow.KeyColumnName + "'; rows are appended below the existing content without a header")]
    public static partial void ForeignHeader(ILogger logger, string sheet);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Sheets: a write of {Rows} row(s) failed ambiguously (attempt {Attempt}); reading the key column back before retrying")]
    public static partial void AmbiguousWrite(ILogger logger, int rows, int attempt, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Sheets: {Rows} row(s) were already in the sheet and are not written again")]
    public static partial void AlreadyPresent(ILogger logger, int rows);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Sheets: a write of {Rows} row(s) was refused for now (quota); retrying (attempt {Attempt})")]
    public static partial void NotApplied(ILogger logger, int rows, int attempt, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Sheets: outbox entry {OrderKey} has a payload that is not an order; it is skipped")]
    public static partial void BadPayload(ILogger logger, string orderKey, Exception exception);
}
