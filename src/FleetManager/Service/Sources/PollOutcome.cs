namespace FleetManager.Service.Sources;

/// <summary>How one poll of a source ended.</summary>
/// <param name="Polled">False when the poll did not run (another instance holds the lease).</param>
/// <param name="Failure">Null when the poll succeeded.</param>
/// <param name="Error">The failure's description (redacted), for the command line.</param>
/// <param name="ResumeAt">When the reader can work again (a model's daily quota resets): the source pauses until then.</param>
/// <param name="NewMessages">Messages the poll read that were not processed before (the reader ran on them).</param>
internal sealed record PollOutcome(bool Polled, FailureKind? Failure, string? Error, DateTimeOffset? ResumeAt = null, int NewMessages = 0);
