using FleetManager.Storage.Postgres;
using FleetManager.Storage.Schema;
using FleetManager.Storage.Sqlite;
using FleetManager.Storage.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FleetManager.Storage.Tests.Schema;

/// <summary>One version sequence for both dialects: a new store on either back-end ends at the same recorded version, by the same steps.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Steps_EachVersion_HasTextForBothDialectsAndFollowsThePreviousOne()
    {
        for (var index = 0; index < OrderBookSchema.Steps.Count; index++)
        {
            var step = OrderBookSchema.Steps[index];
            Assert.Equal(index + 1, step.Version);
            Assert.False(string.IsNullOrWhiteSpace(step.Sqlite));
            Assert.False(string.IsNullOrWhiteSpace(step.Postgres));
        }

        Assert.Equal(OrderBookSchema.Steps.Select(s => s.Version), OrderBookSchema.ForSqlite.Select(s => s.Version));
        Assert.Equal(OrderBookSchema.Steps.Select(s => s.Version), OrderBookSchema.ForPostgres.Select(s => s.Version));
    }

    [Fact]
    public void Open_NewStoreOnEitherBackEnd_RecordsTheSameLatestVersion()
    {
        var path = Path.Combine(_folder.Path, "book.db");
        var connectionString = server.CreateDatabase();

        using (var sqlite = SqliteOrderBook.Open(path))
        using (var postgres = PostgresOrderBook.Open(connectionString, new OrderStoreOptions()))
        {
            Assert.Equal(OrderBookSchema.LatestVersion, sqlite.SchemaVersion);
            Assert.Equal(sqlite.SchemaVersion, postgres.SchemaVersion);
        }

        Assert.Equal(OrderBookSchema.LatestVersion, SqliteVersion(path));
        Assert.Equal(OrderBookSchema.LatestVersion, PostgresVersion(connectionString));
    }

    [Fact]
    public void Open_StoreAtEachOlderVersion_IsMigratedStepByStepToTheSameVersionOnBothBackEnds()
    {
        for (var oldVersion = 1; oldVersion < OrderBookSchema.LatestVersion; oldVersion++)
        {
            var path = Path.Combine(_folder.Path, $"book-{oldVersion}.db");
            var connectionString = server.CreateDatabase();
            SqliteOrderBook.Open(path, [.. OrderBookSchema.ForSqlite.Take(oldVersion)]).Dispose();
            PostgresOrderBook.Open(connectionString, new OrderStoreOptions(), [.. OrderBookSchema.ForPostgres.Take(oldVersion)]).Dispose();

            using var sqlite = SqliteOrderBook.Open(path);
            using var postgres = PostgresOrderBook.Open(connectionString, new OrderStoreOptions());

            Assert.Equal((oldVersion, OrderBookSchema.LatestVersion), (sqlite.SchemaVersionAtOpen, sqlite.SchemaVersion));
            Assert.Equal((oldVersion, OrderBookSchema.LatestVersion), (postgres.SchemaVersionAtOpen, postgres.SchemaVersion));
        }
    }

    public void Dispose() => _folder.Dispose();

    private static long SqliteVersion(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version WHERE id = 1";
        return (long)command.ExecuteScalar()!;
    }

    private static int PostgresVersion(string connectionString)
    {
        using var dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Parse(connectionString));
        using var command = dataSource.CreateCommand("SELECT version FROM schema_version WHERE id = 1");
        return (int)command.ExecuteScalar()!;
    }
}
