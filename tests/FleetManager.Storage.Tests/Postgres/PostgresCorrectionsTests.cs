using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Tests.Postgres;

/// <summary>The corrections and status tables of schema 4 on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCorrectionsTests(PostgresServer server)
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddAndSetStatus_OnPostgres_ReadBackAsWritten()
    {
        var connectionString = server.CreateDatabase();
        long orderId;
        using (var book = OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = connectionString }))
        {
            var message = SampleOrders.Message("pg-corrections-1");
            book.Commit(message, SampleOrders.Result(message, SampleOrders.Order()));
            orderId = book.ListOrders(OrderQuery.All).Single().Id;
            Assert.Equal(4, book.SchemaVersion);
        }

        using var corrections = OrderCorrectionsFactory.Open(connectionString);
        Assert.IsType<PostgresCorrections>(corrections);
        corrections.Add(orderId, "weight_kg", "21400", "12345", "anna@example.com", At);
        corrections.Add(orderId, "contact.phone", null, "+48 61 000 00 00", "local", At.AddMinutes(1));
        corrections.SetStatus(orderId, OrderStatus.Reviewed, "local", At);
        corrections.SetStatus(orderId, OrderStatus.Assigned, "anna@example.com", At.AddHours(1));

        var list = corrections.For(orderId);
        Assert.Equal(["weight_kg", "contact.phone"], list.Select(c => c.Field));
        Assert.Equal(("21400", "12345", "anna@example.com", At), (list[0].ValueRead, list[0].ValueSet, list[0].CorrectedBy, list[0].CorrectedAt));
        Assert.Null(list[1].ValueRead);
        Assert.Equal(2, corrections.All()[orderId].Count);
        var review = corrections.StatusOf(orderId);
        Assert.Equal((OrderStatus.Assigned, "anna@example.com", (DateTimeOffset?)At.AddHours(1)), (review.Status, review.ChangedBy, review.ChangedAt));
        Assert.Equal(OrderStatus.New, corrections.StatusOf(orderId + 1).Status);
    }
}
