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

    /// <summary>A service is not configured, or refuses the configuration (key, permission, spreadsheet id): fix the settings the message names.</summary>
    public const int NotConfigured = 5;

    /// <summary>A service is unavailable for now (quota, outage): nothing is lost; run the same command again later.</summary>
    public const int ServiceUnavailable = 6;

    /// <summary>Interrupted (Ctrl+C / SIGTERM): nothing half-written; run again to continue.</summary>
    public const int Interrupted = 130;
}
