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

    /// <summary><c>poll --once</c>: the configuration is invalid or a source's settings cannot work: fix the configuration (<c>fleetmanager doctor</c>).</summary>
    public const int Configuration = 5;

    /// <summary><c>poll --once</c>: a source's or sink's credentials were refused: renew or fix them; retrying will not help.</summary>
    public const int Authentication = 6;

    /// <summary><c>poll --once</c>: a passing failure (network, server busy, another instance holds a lease): run again later.</summary>
    public const int Transient = 7;

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
