using FleetManager.Storage.Postgres;
using FleetManager.Storage.Schema;
using FleetManager.Storage.Tests.Postgres;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>The store contract on a real PostgreSQL server, a new database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOrderStoreContractTests(PostgresServer server) : OrderStoreContractTests
{
    protected override string ConnectionString { get; } = server.CreateDatabase();

    protected override OrderStoreKind ExpectedKind => OrderStoreKind.PostgreSql;

    protected override IOrderStore OpenWithSteps(int steps) =>
        PostgresOrderBook.Open(ConnectionString, new OrderStoreOptions(), [.. OrderBookSchema.ForPostgres.Take(steps)]);

    protected override void ExecuteRaw(string sql)
    {
        using var dataSource = Npgsql.NpgsqlDataSource.Create(ConnectionString);
        using var command = dataSource.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    protected override long ScalarRaw(string sql)
    {
        using var dataSource = Npgsql.NpgsqlDataSource.Create(ConnectionString);
        using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
