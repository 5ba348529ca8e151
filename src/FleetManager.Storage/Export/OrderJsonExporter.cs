using System.Text.Encodings.Web;
using System.Text.Json;
using FleetManager.Core.Json;

namespace FleetManager.Storage.Export;

/// <summary>
/// Writes orders as one JSON array of the spec's Order objects, each with two leading properties:
/// <c>id</c> (the order book id) and <c>message_id</c>. Streams: each order is flushed as written.
/// </summary>
public static class OrderJsonExporter
{
    /// <summary>Writes every order of <paramref name="orders"/> to <paramref name="stream"/> (UTF-8, indented); returns how many were written.</summary>
    public static int Write(IEnumerable<StoredOrder> orders, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Keep Łódź readable, as the interchange JSON does.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        var typeInfo = FleetManagerJsonContext.Compact.TransportOrder;
        var count = 0;
        writer.WriteStartArray();
        foreach (var stored in orders)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", stored.Id);
            writer.WriteString("message_id", stored.Message.MessageId);
            var element = JsonSerializer.SerializeToElement(stored.Order, typeInfo);
            foreach (var property in element.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.Flush();
            count++;
        }

        writer.WriteEndArray();
        writer.Flush();
        return count;
    }
}
