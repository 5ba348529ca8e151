namespace FleetManager.Core.Errors;

/// <summary>
/// What the caller does next about a failure. Every exception FleetManager throws on purpose derives
/// from <see cref="FleetManagerException"/> and so names one of these; the CLI maps each to its exit
/// code in one place and the service to what it does with the source, so no caller matches adapter
/// type names.
/// </summary>
public enum ErrorCategory
{
    /// <summary>A setting is missing or cannot work: fix it (exit 5). Never quarantines a message.</summary>
    Configuration,

    /// <summary>A credential was refused or is unsafe: renew or fix it (exit 6). Never quarantines a message.</summary>
    Authentication,

    /// <summary>A service is down, busy or out of quota: run again later (exit 7). Nothing is lost.</summary>
    Unavailable,

    /// <summary>This one input cannot be read: quarantine it with the reason and carry on with the rest.</summary>
    RejectedInput,

    /// <summary>The order book cannot be used (missing, read-only, full, damaged, newer schema): fix it (exit 4).</summary>
    Store,
}
