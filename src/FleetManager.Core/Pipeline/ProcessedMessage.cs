using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// One message after the pipeline: its ledger key, what is known of it (the parsed email, null when
/// it could not be read) and its result (quarantined when <see cref="EmailResult.Error"/> is set).
/// </summary>
public sealed record ProcessedMessage(RawMessage Raw, string LedgerKey, Email? Email, EmailResult Result)
{
    public bool IsQuarantined => Result.Error is not null;
}
