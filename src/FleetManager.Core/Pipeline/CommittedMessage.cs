using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>A message whose ledger row is committed (now or by an earlier run), and what became of it.</summary>
public sealed record CommittedMessage(RawMessage Raw, MailboxOutcome Outcome);
