using FleetManager.Storage.Corrections;
using FleetManager.Storage.Export;
using FleetManager.Storage.Schema;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests.Corrections;

public sealed class SqliteCorrectionsTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Add_ThenFor_KeepsBothValuesWhoAndWhenInOrder()
    {
        var path = BookWithOneOrder(out var orderId);
        using var corrections = SqliteCorrections.Open(path);

        corrections.Add(orderId, "weight_kg", "21400", "12345", "anna@example.com", At);
        corrections.Add(orderId, "customer", "Alpenland Spedition GmbH", null, "local", At.AddMinutes(1));

        var list = corrections.For(orderId);
        Assert.Equal(["weight_kg", "customer"], list.Select(c => c.Field));
        Assert.Equal(("21400", "12345", "anna@example.com", At), (list[0].ValueRead, list[0].ValueSet, list[0].CorrectedBy, list[0].CorrectedAt));
        Assert.Null(list[1].ValueSet);
        Assert.Equal(2, corrections.All()[orderId].Count);
    }

    [Fact]
    public void SetStatus_Twice_KeepsTheLatestAndUntouchedOrdersAreNew()
    {
        var path = BookWithOneOrder(out var orderId);
        using var corrections = SqliteCorrections.Open(path);

        Assert.Equal(OrderStatus.New, corrections.StatusOf(orderId).Status);
        corrections.SetStatus(orderId, OrderStatus.Reviewed, "local", At);
        corrections.SetStatus(orderId, OrderStatus.InTransit, "anna@example.com", At.AddHours(1));

        var review = corrections.StatusOf(orderId);
        Assert.Equal((OrderStatus.InTransit, "anna@example.com", (DateTimeOffset?)At.AddHours(1)), (review.Status, review.ChangedBy, review.ChangedAt));
        Assert.Single(corrections.Statuses());
        Assert.Equal(OrderStatus.New, corrections.StatusOf(orderId + 1).Status);
    }

    [Fact]
    public void Export_OfACorrectedOrder_WritesTheValueSet()
    {
        var path = BookWithOneOrder(out var orderId);
        using (var corrections = SqliteCorrections.Open(path))
        {
            corrections.Add(orderId, "weight_kg", "21400", "12345", "local", At);
            corrections.Add(orderId, "stops[0].city", "Eching", "Freising", "local", At);
        }

        using var book = SqliteOrderBook.Open(path);
        using var reopened = SqliteCorrections.Open(path);
        using var csv = new StringWriter();
        OrderCsvExporter.Write(CorrectedOrders.Apply(book.QueryOrders(OrderQuery.All), reopened.All()), csv);

        var row = csv.ToString().Split('\n')[1];
        Assert.Contains(",12345,", row, StringComparison.Ordinal);
        Assert.Contains(",Freising,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Eching,DE", row, StringComparison.Ordinal);
        // The order book keeps the value read.
        Assert.Equal("Eching", book.GetOrder(orderId)!.Order.Stops[0].City);
    }

    [Fact]
    public void Open_ByThePreviousRelease_OnTheCorrectionsSchema_KeepsCommitting()
    {
        var path = BookWithOneOrder(out var orderId);
        using (var corrections = SqliteCorrections.Open(path))
        {
            corrections.Add(orderId, "weight_kg", "21400", "12345", "local", At);
            corrections.SetStatus(orderId, OrderStatus.Reviewed, "local", At);
        }

        // The previous release knows steps 1–3 only: step 4's compatible_from lets it open the book and write to it.
        var previousSteps = OrderBookSchema.ForSqlite.Where(s => s.Version <= 3).ToList();
        using var previous = SqliteOrderBook.Open(path, previousSteps);
        var message = SampleOrders.Message("previous-release-1");
        Assert.True(previous.Commit(message, SampleOrders.Result(message, SampleOrders.Order(reference: "PREV-1"))));
        Assert.Equal(4, previous.SchemaVersion);
        Assert.Equal(2, previous.ListOrders(OrderQuery.All).Count);
    }

    private string BookWithOneOrder(out long orderId)
    {
        var path = _temp.File("orders.db");
        using var book = SqliteOrderBook.Open(path);
        var message = SampleOrders.Message("corrections-1");
        book.Commit(message, SampleOrders.Result(message, SampleOrders.Order()));
        orderId = book.ListOrders(OrderQuery.All).Single().Id;
        return path;
    }
}
