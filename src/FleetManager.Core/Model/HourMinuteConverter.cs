using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>Writes times as the spec's <c>HH:MM</c> (System.Text.Json's default adds seconds).</summary>
public sealed class HourMinuteConverter : JsonConverter<TimeOnly?>
{
    public override bool HandleNull => true;

    public override TimeOnly? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        return string.IsNullOrEmpty(text) ? null : TimeOnly.Parse(text, CultureInfo.InvariantCulture);
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(time.ToString("HH:mm", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
