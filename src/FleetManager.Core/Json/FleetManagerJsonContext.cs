using System.Text.Json.Serialization;
using FleetManager.Core.Model;

namespace FleetManager.Core.Json;

/// <summary>
/// Source-generated JSON for the interchange format (snake_case, nulls written) so serialisation
/// needs no reflection and stays Native-AOT friendly.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EmailResult))]
[JsonSerializable(typeof(List<EmailResult>))]
[JsonSerializable(typeof(TransportOrder))]
[JsonSerializable(typeof(List<TransportOrder>))]
public sealed partial class FleetManagerJsonContext : JsonSerializerContext
{
    /// <summary>One-line output (JSON lines) that keeps non-ASCII text readable (Łódź, not \u0141).</summary>
    public static FleetManagerJsonContext Compact { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Indented output for files and humans.</summary>
    public static FleetManagerJsonContext Indented { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
