namespace FleetManager.Storage.Tests.Postgres;

/// <summary>A PostgreSQL store that cannot be opened, without a server: what the one line says and that it never shows a value.</summary>
public sealed class PostgresConnectionFailureTests
{
    [Fact]
    public void Open_UnknownKeyword_NamesTheKeyword()
    {
        var error = Assert.Throws<OrderBookUnavailableException>(() => Open("Host=127.0.0.1;Databse=fm;Password=hunter2"));

        Assert.Equal("the connection string cannot be read: 'databse' is not a PostgreSQL connection keyword (Host, Port, Database, Username, Password, SSL Mode ...)", error.Reason);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.StartsWith("Fix the --db connection string or Storage:ConnectionString", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ValueThatDoesNotParse_NamesTheKeywordNotTheValue()
    {
        var error = Assert.Throws<OrderBookUnavailableException>(() => Open("Host=127.0.0.1;Port=fivefourthreetwo;Password=hunter2"));

        Assert.Equal("the connection string cannot be read: the value of 'port' is not valid", error.Reason);
        Assert.DoesNotContain("fivefourthreetwo", error.Message);
    }

    [Fact]
    public void Open_ServerNotListening_SaysSoWithAPostgresFixNotAFileFix()
    {
        var error = Assert.Throws<OrderBookUnavailableException>(() => Open("postgres://fm:hunter2@127.0.0.1:1/fm"));

        Assert.StartsWith("the server cannot be reached (check host, port and that PostgreSQL runs)", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain("file", error.Fix, StringComparison.Ordinal);
        Assert.Contains("start PostgreSQL", error.Fix, StringComparison.Ordinal);
    }

    private static IOrderStore Open(string connectionString) => OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = connectionString });
}
