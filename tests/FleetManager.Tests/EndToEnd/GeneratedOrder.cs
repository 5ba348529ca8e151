namespace FleetManager.Tests.EndToEnd;

/// <summary>An order a generated message holds, as the order book and the sheet must show it.</summary>
/// <param name="MessageId">The source message's Message-ID.</param>
/// <param name="Index">Its position in the message (0-based): with <paramref name="MessageId"/>, the sheet's key.</param>
internal sealed record GeneratedOrder(
    string MessageId,
    int Index,
    string ReferenceNumber,
    string Customer,
    string LoadingPostalCode,
    string LoadingCity,
    string UnloadingPostalCode,
    string UnloadingCity,
    decimal WeightKg)
{
    /// <summary>The sheet's column A: <c>MESSAGE_ID#ORDER_INDEX</c>.</summary>
    public string Key => MessageId + "#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
