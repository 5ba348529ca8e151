using System.Globalization;

namespace FleetManager.Storage;

/// <summary>The outbox's idempotency key for an order: <c>MESSAGE_ID#ORDER_INDEX</c>.</summary>
internal static class OutboxOrderKey
{
    public static string Of(string messageId, int orderIndex) =>
        messageId + "#" + orderIndex.ToString(CultureInfo.InvariantCulture);
}
