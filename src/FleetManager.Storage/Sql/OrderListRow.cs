using System.Globalization;
using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Text;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Sql;

/// <summary>
/// One <c>order_list</c> row's values, derived from an order (corrections applied) once, so that the same values are
/// written whether the order came from memory at its commit (<see cref="CommittedListRows"/>) or was read back from the
/// book: the row holds only the strings and numbers it writes, never the order or its message's bytes. The
/// <c>Shown…</c> values are what the orders page prints (schema step 11), so the page never reads the order itself.
/// </summary>
internal sealed record OrderListRow(
    long OrderId,
    string LedgerKey,
    int OrderIndex,
    string SourceKey,
    string SearchText,
    string ReferenceSort,
    string CustomerSort,
    string LoadingDate,
    string UnloadingDate,
    double WeightSort,
    string? LoadingCountry,
    string? UnloadingCountry,
    string? RequestType,
    double? Confidence,
    bool Incomplete,
    OrderStatus Status,
    int Corrections,
    OrderListShownColumns Shown)
{
    /// <summary>The row of order <paramref name="orderId"/> as <paramref name="corrected"/> (its corrections applied) reads.</summary>
    public static OrderListRow Derive(long orderId, string ledgerKey, int orderIndex, string sourceKey, TransportOrder corrected, OrderStatus status, int correctionCount)
    {
        var (loading, unloading) = OrderRows.Ends(corrected);
        return new OrderListRow(
            orderId,
            ledgerKey,
            orderIndex,
            sourceKey,
            SearchTextOf(corrected),
            TextFold.Fold(corrected.ReferenceNumber ?? ""),
            TextFold.Fold(corrected.Customer ?? ""),
            loading?.Date is { } from ? SpecText.Of(from) : "",
            unloading?.Date is { } to ? SpecText.Of(to) : "",
            corrected.WeightKg is { } weight ? (double)weight : -1,
            loading?.Country?.ToUpperInvariant(),
            unloading?.Country?.ToUpperInvariant(),
            corrected.RequestType is { } type ? SpecText.Of(type) : null,
            corrected.Confidence?.Order,
            OrderReviewNeed.IsIncomplete(corrected),
            status,
            correctionCount,
            ShownColumnsOf(corrected, loading, unloading));
    }

    /// <summary>
    /// The page's cells as the page formatted them from the order (docs/dashboard.md): the texts as they are, the weight
    /// and the price in the invariant culture. Mostly references to the order's own strings: deriving them at commit costs
    /// two small strings per order (weight, price).
    /// </summary>
    private static OrderListShownColumns ShownColumnsOf(TransportOrder corrected, Stop? loading, Stop? unloading) =>
        new(
            corrected.ReferenceNumber,
            corrected.Customer,
            loading?.City,
            loading?.Country,
            unloading?.City,
            unloading?.Country,
            corrected.CargoDescription,
            corrected.WeightKg?.ToString(null, CultureInfo.InvariantCulture),
            corrected.VehicleType is { } vehicle ? SpecVocabulary.VehicleTypes.Of(vehicle) : null,
            corrected.Price is { } price ? $"{price.Amount.ToString(CultureInfo.InvariantCulture)} {price.Currency}" : null);

    /// <summary>What the list's search looks in: the reference, customer, cargo and every stop's company and place, folded, one per line.</summary>
    private static string SearchTextOf(TransportOrder order)
    {
        var search = new StringBuilder(256);
        Append(search, order.ReferenceNumber);
        Append(search, order.Customer);
        Append(search, order.CargoDescription);
        foreach (var stop in order.Stops)
        {
            Append(search, stop.Company);
            Append(search, stop.Address);
            Append(search, stop.PostalCode);
            Append(search, stop.City);
        }

        return search.ToString();

        static void Append(StringBuilder search, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                search.Append(TextFold.Fold(text)).Append('\n');
            }
        }
    }
}
