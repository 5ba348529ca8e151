using System.Text.Json.Serialization;
using FleetManager.Dashboard.Map;

namespace FleetManager.Dashboard.Api;

/// <summary>
/// Source-generated JSON of <c>/api/v1</c> (no reflection: Native AOT safe). Snake_case like the interchange format, so
/// an order inside a document is written exactly as <c>extract --format jsonl</c> writes it (the Core model's own
/// attributes name its enums and times). The same metadata describes the schemas of <c>/openapi/v1.json</c>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OrderListDocument))]
[JsonSerializable(typeof(OrderDocument))]
[JsonSerializable(typeof(OrderPatchRequest))]
[JsonSerializable(typeof(MessageListDocument))]
[JsonSerializable(typeof(MessageDocument))]
[JsonSerializable(typeof(ReviewQueueDocument))]
[JsonSerializable(typeof(BookStatsDocument))]
[JsonSerializable(typeof(AntiforgeryTokenDocument))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(MapDocument))]
// The OpenAPI document describes each route and query parameter by its JSON schema, taken from this context under
// Native AOT: every parameter type of an /api/v1 endpoint must be here (the AOT executable answered 500 without them).
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(bool))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
