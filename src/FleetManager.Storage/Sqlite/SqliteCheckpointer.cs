using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// Checkpoints an order book's write-ahead log on its own connection and thread. Left to SQLite, the
/// commit that fills the log copies it into the database file and waits for the fsync, holding up
/// the import behind it (a measured third of a second per 10,000 messages, with every reader idle);
/// here the writer only signals, and a passive checkpoint runs beside the next commits.
/// </summary>
/// <remarks>
/// Signals coalesce: a checkpoint takes everything committed before it starts, so a slow disk gets
/// fewer, larger checkpoints. A passive checkpoint never blocks the writer or readers; if it cannot
/// keep up (a long reader holds old frames), the writer's own automatic checkpoint at
/// <see cref="BackstopPages"/> still bounds the log. Crash safety is SQLite's either way.
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>
    /// The writer's automatic checkpoint threshold while a checkpointer runs (SQLite's default is
    /// 1,000 pages): reached only when background checkpoints fall far behind, it caps the log at
    /// about 40 MB of 4 KiB pages.
    /// </summary>
    public const int BackstopPages = 10_000;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _checkpoint;
    private readonly AutoResetEvent _requested = new(initialState: false);
    private readonly Thread _thread;
    private readonly Action? _beforeCheckpoint;
    private volatile bool _stopping;
    private long _completed;

    /// <param name="connectionString">The order book's file.</param>
    /// <param name="beforeCheckpoint">Called on the checkpoint thread before each checkpoint (tests hold a checkpoint in progress with it).</param>
    public SqliteCheckpointer(string connectionString, Action? beforeCheckpoint = null)
    {
        _beforeCheckpoint = beforeCheckpoint;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _checkpoint = _connection.CreateCommand();
        _checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpoint" };
        _thread.Start();
    }

    /// <summary>Passive checkpoints completed so far (for tests and diagnostics).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Asks for a checkpoint of everything committed so far; returns at once.</summary>
    public void Request() => _requested.Set();

    /// <summary>Stops the thread after the checkpoint in progress, if any, and closes the connection.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _requested.Set();
        _thread.Join();
        _checkpoint.Dispose();
        _connection.Dispose();
        _requested.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _requested.WaitOne();
            if (_stopping)
            {
                return;
            }

            try
            {
                _beforeCheckpoint?.Invoke();
                _checkpoint.ExecuteNonQuery();
                Interlocked.Increment(ref _completed);
            }
            catch (SqliteException)
            {
                // A failed checkpoint loses nothing (the frames stay in the log); the writer meets any
                // real disk fault on its next commit, and its automatic checkpoint is the backstop.
            }
        }
    }
}
