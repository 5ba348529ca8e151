namespace FleetManager.Commands;

/// <summary>The process exit codes, one per thing the caller does next.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>--strict</c> and at least one message was quarantined.</summary>
    public const int Quarantined = 1;

    /// <summary>The command line is wrong: fix the arguments.</summary>
    public const int Usage = 2;

    /// <summary>An input path does not exist or cannot be read: fix the path or its permissions.</summary>
    public const int InputMissing = 3;

    /// <summary>The order book cannot be opened: fix the --db path, permissions, or the file.</summary>
    public const int OrderBookUnavailable = 4;

    /// <summary>
    /// The mail source cannot be read: its credential was refused or is unsafe, its settings are wrong, or
    /// it keeps failing after the retries. The message says what to do (for example 'fleetmanager auth google').
    /// </summary>
    public const int SourceUnavailable = 5;

    /// <summary>The configuration is incomplete or invalid (a missing API key, a bad option): fix it as the message says.</summary>
    public const int Configuration = 5;

    /// <summary>
    /// A service became unavailable (Sheets or Google down, a model's daily quota spent, the service down after retries):
    /// everything before is committed, the rest is not in the ledger; run again after the time given.
    /// </summary>
    public const int ServiceUnavailable = 6;

    /// <summary>Interrupted (Ctrl+C / SIGTERM): nothing half-written; run again to continue.</summary>
    public const int Interrupted = 130;
}
