using FleetManager.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Tests.Sqlite;

public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Request_AfterCommitsInTheLog_CopiesThemIntoTheDatabaseFile()
    {
        var path = _temp.File("log.db");
        using var writer = OpenWal(path);
        Execute(writer, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
        Assert.Equal(0, RowsInDatabaseFileAlone(path));

        using var checkpointer = new SqliteCheckpointer(ConnectionString(path));
        checkpointer.Request();

        WaitUntil(() => checkpointer.Completed >= 1);
        Assert.Equal(3, RowsInDatabaseFileAlone(path));
    }

    [Fact]
    public void Request_ManyWhileACheckpointRuns_CoalesceIntoOneMore()
    {
        var path = _temp.File("log.db");
        using var writer = OpenWal(path);
        Execute(writer, "CREATE TABLE t (x INTEGER)");
        using var inCheckpoint = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim(initialState: false);
        var checkpoints = 0;
        using var checkpointer = new SqliteCheckpointer(ConnectionString(path), () =>
        {
            // The first checkpoint is held until the requests below have all been made.
            if (Interlocked.Increment(ref checkpoints) == 1)
            {
                inCheckpoint.Release();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        });

        checkpointer.Request();
        Assert.True(inCheckpoint.Wait(TimeSpan.FromSeconds(30)), "the first checkpoint did not start");
        for (var i = 0; i < 1_000; i++)
        {
            checkpointer.Request();
        }

        release.Set();
        WaitUntil(() => checkpointer.Completed >= 2);
        Thread.Sleep(200); // room for any further (wrong) checkpoint to show up before the count is read
        checkpointer.Dispose();

        // One for the first request, one for the thousand made while it ran: signals coalesce.
        Assert.Equal(2, checkpointer.Completed);
    }

    [Fact]
    public void Dispose_Twice_StopsOnce()
    {
        var path = _temp.File("log.db");
        using var writer = OpenWal(path);
        var checkpointer = new SqliteCheckpointer(ConnectionString(path));

        checkpointer.Dispose();
        checkpointer.Dispose();

        Assert.Equal(0, checkpointer.Completed);
    }

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static SqliteConnection OpenWal(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Rows of t as the database file holds them, ignoring the log (SQLite's immutable mode).</summary>
    private static long RowsInDatabaseFileAlone(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = new Uri(path).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 't'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT count(*) FROM t";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The checkpoint runs on another thread: wait for its effect, with a generous deadline.</summary>
    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the background checkpoint did not complete within 30 s");
            Thread.Sleep(10);
        }
    }
}
