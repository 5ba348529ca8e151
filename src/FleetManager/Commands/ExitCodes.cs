using FleetManager.Core.Errors;

namespace FleetManager.Commands;

/// <summary>
/// The process exit codes, one per thing the caller does next, and the one place where a failure's
/// category becomes its exit code (<see cref="ForCategory"/>).
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>--strict</c> and at least one message was quarantined; <c>doctor</c>: a check failed; <c>healthcheck</c>: not live/ready.</summary>
    public const int Quarantined = 1;

    /// <summary>The command line is wrong: fix the arguments.</summary>
    public const int Usage = 2;

    /// <summary>An input path does not exist or cannot be read: fix the path or its permissions.</summary>
    public const int InputMissing = 3;

    /// <summary>The order book cannot be used (<see cref="ErrorCategory.Store"/>): fix the --db path, permissions, free space, or the file.</summary>
    public const int OrderBookUnavailable = 4;

    /// <summary>The configuration is incomplete or invalid (<see cref="ErrorCategory.Configuration"/>): fix it as the message says (<c>fleetmanager doctor</c>).</summary>
    public const int Configuration = 5;

    /// <summary>A credential was refused or is unsafe (<see cref="ErrorCategory.Authentication"/>): renew or fix it (for example 'fleetmanager auth google'); retrying will not help.</summary>
    public const int Authentication = 6;

    /// <summary>
    /// A service is down, busy or out of quota (<see cref="ErrorCategory.Unavailable"/>), or another instance
    /// holds a lease: everything before is committed, the rest is not in the ledger; run again later.
    /// </summary>
    public const int ServiceUnavailable = 7;

    /// <summary>A bug: a failure FleetManager did not expect (EX_SOFTWARE). One line is printed; please report it.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C / SIGTERM): nothing half-written; run again to continue.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a failure category: the only mapping from categories to exit codes.</summary>
    public static int ForCategory(ErrorCategory category) => category switch
    {
        ErrorCategory.Configuration => Configuration,
        ErrorCategory.Authentication => Authentication,
        ErrorCategory.Unavailable => ServiceUnavailable,
        ErrorCategory.Store => OrderBookUnavailable,
        // A rejected input that reaches the top (one file given to extract) is an input that cannot be read.
        ErrorCategory.RejectedInput => InputMissing,
        _ => InternalError,
    };

    /// <summary>The exit code of <c>poll --once</c> for the failure the operator must act on first (null: success).</summary>
    public static int ForFailure(Service.FailureKind? failure) => failure switch
    {
        null => Success,
        Service.FailureKind.Configuration => Configuration,
        Service.FailureKind.Authentication => Authentication,
        Service.FailureKind.Store => OrderBookUnavailable,
        _ => ServiceUnavailable,
    };
}
