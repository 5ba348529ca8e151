using System.Text.Json;

namespace FleetManager.StandIns;

/// <summary>Google's AIP-193 error envelope, as Sheets and Gemini send it.</summary>
public static class GoogleErrorBody
{
    public static string Of(int code, string status, string message, string? reason = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteString("status", status);
            if (reason is not null)
            {
                writer.WriteStartArray("details");
                writer.WriteStartObject();
                writer.WriteString("@type", "type.googleapis.com/google.rpc.ErrorInfo");
                writer.WriteString("reason", reason);
                writer.WriteString("domain", "googleapis.com");
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
