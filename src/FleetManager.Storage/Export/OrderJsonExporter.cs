using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;

namespace FleetManager.Storage.Export;

/// <summary>
/// Writes orders as one JSON array of the spec's Order objects, each with two leading properties:
/// <c>id</c> (the order book id) and <c>message_id</c>. Streams: each order is flushed as written.
/// </summary>
public static class OrderJsonExporter
{
    /// <summary>Writes every order of <paramref name="orders"/> to <paramref name="stream"/> (UTF-8, indented); returns how many were written.</summary>
    public static async Task<int> WriteAsync(IAsyncEnumerable<StoredOrder> orders, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Keep Łódź readable, as the interchange JSON does.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        await using var disposeWriter = writer.ConfigureAwait(false);
        var count = 0;
        writer.WriteStartArray();
        await foreach (var stored in orders.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            WriteElement(writer, stored.Id, stored.Message.MessageId, stored.Order);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// One element of the export on one line (compact): what the outbox hands a sink, so a sink row
    /// and an exported order read the same.
    /// </summary>
    public static string ElementJson(long id, string messageId, TransportOrder order)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(order);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteElement(writer, id, messageId, order);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteElement(Utf8JsonWriter writer, long id, string messageId, TransportOrder order)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("message_id", messageId);
        var element = JsonSerializer.SerializeToElement(order, FleetManagerJsonContext.Compact.TransportOrder);
        foreach (var property in element.EnumerateObject())
        {
            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
