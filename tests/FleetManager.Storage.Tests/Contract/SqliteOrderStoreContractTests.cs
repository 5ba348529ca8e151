using FleetManager.Storage.Schema;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>The store contract on a SQLite file (two instances on one file stand for two processes).</summary>
public sealed class SqliteOrderStoreContractTests : OrderStoreContractTests
{
    private readonly TempDirectory _temp = new();

    public SqliteOrderStoreContractTests() => ConnectionString = _temp.File("orders.db");

    protected override string ConnectionString { get; }

    protected override OrderStoreKind ExpectedKind => OrderStoreKind.Sqlite;

    protected override IOrderStore OpenWithSteps(int steps) =>
        SqliteOrderBook.Open(ConnectionString, [.. OrderBookSchema.ForSqlite.Take(steps)]);

    protected override void ExecuteRaw(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = ConnectionString, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override long ScalarRaw(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = ConnectionString, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override void Dispose()
    {
        base.Dispose();
        _temp.Dispose();
    }
}
