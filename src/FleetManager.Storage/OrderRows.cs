using System.Runtime.InteropServices;
using System.Data.Common;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>
/// Reads ledger rows and stored orders from either back-end: both keep the message's timestamps as
/// ISO 8601 text with the offset as given, the order as spec JSON and its evidence as JSON.
/// </summary>
internal static class OrderRows
{
    /// <summary>The ledger columns in the order <see cref="ReadLedgerEntry"/> reads them (table alias <c>l</c>).</summary>
    public const string LedgerColumns =
        "l.id, l.ledger_key, l.source_key, l.message_id, l.subject, l.sender, l.sent_at, l.received_at, " +
        "l.processed_at, l.status, l.classification, l.error, l.order_count";

    /// <summary>Reads <c>o.id, o.order_index, o.order_json, o.sources_json</c> then the ledger columns.</summary>
    public static StoredOrder ReadStoredOrder(DbDataReader reader)
    {
        var json = reader.GetString(2);
        var order = JsonSerializer.Deserialize(json, FleetManagerJsonContext.Compact.TransportOrder)
            ?? throw new FormatException("An order in the order book is stored as JSON null.");
        if (TextOrNull(reader, 3) is { } sources)
        {
            order = order with
            {
                Sources = JsonSerializer.Deserialize(sources, StorageJsonContext.Default.DictionaryStringTextSpan)
                    ?? new Dictionary<string, TextSpan>(),
            };
        }

        return new StoredOrder(reader.GetInt64(0), reader.GetInt32(1), ReadLedgerEntry(reader, 4), order, json);
    }

    public static LedgerEntry ReadLedgerEntry(DbDataReader reader, int first) => new(
        Id: reader.GetInt64(first),
        LedgerKey: reader.GetString(first + 1),
        SourceKey: reader.GetString(first + 2),
        MessageId: reader.GetString(first + 3),
        Subject: TextOrNull(reader, first + 4),
        From: TextOrNull(reader, first + 5),
        Date: SpecText.ParseTimestamp(TextOrNull(reader, first + 6)),
        ReceivedAt: SpecText.ParseTimestamp(TextOrNull(reader, first + 7)),
        ProcessedAt: SpecText.ParseTimestamp(reader.GetString(first + 8))!.Value,
        Status: reader.GetString(first + 9) == "quarantined" ? LedgerStatus.Quarantined : LedgerStatus.Processed,
        Classification: SpecText.ParseClassification(TextOrNull(reader, first + 10)),
        Error: TextOrNull(reader, first + 11),
        OrderCount: reader.GetInt32(first + 12));

    public static string SerializeSources(IReadOnlyDictionary<string, TextSpan> sources)
    {
        var dictionary = sources as Dictionary<string, TextSpan> ?? new Dictionary<string, TextSpan>(sources);
        return JsonSerializer.Serialize(dictionary, StorageJsonContext.Default.DictionaryStringTextSpan);
    }

    public static string? TextOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The message's bytes as the array a blob parameter takes, without a copy when the memory is a whole array already.</summary>
    public static byte[] AsArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();

    /// <summary>The first loading and the last unloading stop: the ends an order list shows and filters on.</summary>
    public static (Stop? FirstLoading, Stop? LastUnloading) Ends(TransportOrder order)
    {
        Stop? firstLoading = null, lastUnloading = null;
        foreach (var stop in order.Stops)
        {
            if (stop.Type == StopType.Loading)
            {
                firstLoading ??= stop;
            }
            else
            {
                lastUnloading = stop;
            }
        }

        return (firstLoading, lastUnloading);
    }
}
