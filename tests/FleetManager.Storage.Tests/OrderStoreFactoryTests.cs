using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests;

public sealed class OrderStoreFactoryTests
{
    [Theory]
    [InlineData("postgres://fm:pw@db:5432/fleet", OrderStoreKind.PostgreSql)]
    [InlineData("postgresql://db/fleet", OrderStoreKind.PostgreSql)]
    [InlineData("Host=db;Database=fleet;Username=fm", OrderStoreKind.PostgreSql)]
    [InlineData("server=db; database=fleet", OrderStoreKind.PostgreSql)]
    [InlineData("/data/fleetmanager.db", OrderStoreKind.Sqlite)]
    [InlineData("fleetmanager.db", OrderStoreKind.Sqlite)]
    [InlineData("Data Source=/data/fleetmanager.db", OrderStoreKind.Sqlite)]
    [InlineData("C:\\data\\host=1.db", OrderStoreKind.Sqlite)]
    public void KindOf_ConnectionString_PicksTheBackEnd(string connectionString, OrderStoreKind expected) =>
        Assert.Equal(expected, OrderStoreFactory.KindOf(connectionString));

    [Theory]
    [InlineData("/data/fleetmanager.db", "/data/fleetmanager.db")]
    [InlineData("  book.db ", "book.db")]
    [InlineData("Data Source=/data/x.db;Cache=Shared", "/data/x.db")]
    [InlineData("Filename=/data/y.db", "/data/y.db")]
    public void SqlitePath_PathOrKeywordString_IsTheFile(string connectionString, string expected) =>
        Assert.Equal(expected, OrderStoreFactory.SqlitePath(connectionString));

    [Fact]
    public void Open_NoConnectionString_ThrowsUnavailableWithTheSettingName()
    {
        var error = Assert.Throws<OrderBookUnavailableException>(() => OrderStoreFactory.Open(new OrderStoreOptions()));

        Assert.Contains("Storage:ConnectionString", error.Message);
    }

    [Fact]
    public void Open_SqlitePath_OpensASqliteBookWithTheSinks()
    {
        using var temp = new TempDirectory();
        var options = new OrderStoreOptions { ConnectionString = "Data Source=" + temp.File("a.db") };
        options.OutboxSinks.Add("sheets");
        options.OutboxSinks.Add("sheets");

        using var store = OrderStoreFactory.Open(options);

        Assert.IsType<SqliteOrderBook>(store);
        Assert.Equal(["sheets"], store.OutboxSinks);
        Assert.True(File.Exists(temp.File("a.db")));
    }

    [Fact]
    public void Open_BlankSinkName_ThrowsUnavailable()
    {
        using var temp = new TempDirectory();
        var options = new OrderStoreOptions { ConnectionString = temp.File("a.db") };
        options.OutboxSinks.Add(" ");

        var error = Assert.Throws<OrderBookUnavailableException>(() => OrderStoreFactory.Open(options));

        Assert.Contains("OutboxSinks", error.Message);
    }
}
