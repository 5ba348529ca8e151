namespace FleetManager.Google.Sheets;

/// <summary>The <c>error</c> object of <see cref="GoogleErrorEnvelope"/>.</summary>
internal sealed record GoogleError(int Code, string? Message, string? Status, List<GoogleErrorReason>? Errors, List<GoogleErrorReason>? Details)
{
    /// <summary>The first machine-readable reason found (details first, then the v1 errors list).</summary>
    public string? Reason => Details?.FirstOrDefault(d => d.Reason is not null)?.Reason ?? Errors?.FirstOrDefault(e => e.Reason is not null)?.Reason;
}
