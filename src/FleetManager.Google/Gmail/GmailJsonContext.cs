using System.Text.Json.Serialization;

namespace FleetManager.Google.Gmail;

/// <summary>Source-generated JSON for the Gmail resources (no reflection: Native AOT stays possible).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GmailProfile))]
[JsonSerializable(typeof(GmailMessageList))]
[JsonSerializable(typeof(GmailRawMessage))]
[JsonSerializable(typeof(GmailHistoryList))]
[JsonSerializable(typeof(GmailLabel))]
[JsonSerializable(typeof(GmailLabelList))]
[JsonSerializable(typeof(GmailModifyRequest))]
[JsonSerializable(typeof(GmailBatchModifyRequest))]
[JsonSerializable(typeof(GoogleErrorEnvelope))]
internal sealed partial class GmailJsonContext : JsonSerializerContext;
