namespace FleetManager.Commands;

/// <summary>The process exit codes, one per thing the caller does next.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>--strict</c> and at least one message was quarantined; <c>doctor</c>: a check failed; <c>healthcheck</c>: not live/ready.</summary>
    public const int Quarantined = 1;

    /// <summary>The command line is wrong: fix the arguments.</summary>
    public const int Usage = 2;

    /// <summary>An input path does not exist or cannot be read: fix the path or its permissions.</summary>
    public const int InputMissing = 3;

    /// <summary>The order book cannot be opened: fix the --db path, permissions, or the file.</summary>
    public const int OrderBookUnavailable = 4;

    /// <summary>The configuration is incomplete or invalid (a missing API key, a bad option): fix it as the message says (<c>fleetmanager doctor</c>).</summary>
    public const int Configuration = 5;

    /// <summary>A source's or sink's credentials were refused or are unsafe: renew or fix them (for example 'fleetmanager auth google'); retrying will not help.</summary>
    public const int Authentication = 6;

    /// <summary>
    /// The mail source cannot be read: its credential was refused or is unsafe, or it keeps failing after
    /// the retries. The message says what to do.
    /// </summary>
    public const int SourceUnavailable = Authentication;

    /// <summary>A passing failure (network, server busy, another instance holds a lease): run again later.</summary>
    public const int Transient = 7;

    /// <summary>
    /// A service became unavailable (Sheets or Google down, a model's daily quota spent, a service down after
    /// retries): everything before is committed, the rest is not in the ledger; run again after the time given.
    /// </summary>
    public const int ServiceUnavailable = Transient;

    /// <summary>Interrupted (Ctrl+C / SIGTERM): nothing half-written; run again to continue.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of <c>poll --once</c> for the failure the operator must act on first (null: success).</summary>
    public static int ForFailure(Service.FailureKind? failure) => failure switch
    {
        null => Success,
        Service.FailureKind.Configuration => Configuration,
        Service.FailureKind.Authentication => Authentication,
        Service.FailureKind.Store => OrderBookUnavailable,
        _ => Transient,
    };
}
