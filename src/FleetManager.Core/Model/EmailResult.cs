using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>The result for one message, exactly the spec's top-level shape.</summary>
public sealed record EmailResult
{
    /// <summary>The Message-ID header as written (angle brackets included), or a stable synthetic id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Null only when the message could not be read (then <see cref="Error"/> says why).</summary>
    public Classification? Classification { get; init; }

    public IReadOnlyList<TransportOrder> Orders { get; init; } = [];

    /// <summary>The quarantine reason; absent from JSON for a readable message.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>What a model reader spent on this message; null for the rules engine. Not part of the interchange format.</summary>
    [JsonIgnore]
    public ModelUsage? Usage { get; init; }

    /// <summary>A result for a message that could not be read.</summary>
    public static EmailResult Quarantined(string messageId, string reason) =>
        new() { MessageId = messageId, Classification = null, Orders = [], Error = reason };
}
