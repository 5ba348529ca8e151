namespace FleetManager.Mail.Imap;

/// <summary>What is done to a message on the server once its ledger row is committed.</summary>
public enum ImapAfterCommit
{
    /// <summary>Nothing: the cursor alone remembers what was read.</summary>
    None,

    /// <summary>Add <see cref="ImapOptions.Flag"/> (or <see cref="ImapOptions.QuarantineFlag"/> for a quarantined message).</summary>
    Flag,

    /// <summary>Move it to <see cref="ImapOptions.MoveTo"/> (or <see cref="ImapOptions.QuarantineFolder"/>), creating the folder if missing.</summary>
    Move,
}
