using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Text;
using FleetManager.Storage.Export;
using FleetManager.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage;

/// <summary>
/// The order book in one SQLite file: the ledger (one row per message, processed or quarantined),
/// each message's raw bytes, its orders (typed columns for filtering plus the exact spec JSON and
/// the field evidence) and their stops.
/// </summary>
/// <remarks>
/// <para>Crash safety: WAL journal with <c>synchronous=NORMAL</c> survives a killed process (a power
/// loss may lose the last commits, never corrupt the file). A message's ledger row, raw bytes,
/// orders and stops commit in one transaction, and the ledger key is unique, so re-importing after
/// a crash at any instant ends with the same order book as an uninterrupted run.</para>
/// <para>Throughput: one connection, and the statements that run per message are prepared once;
/// nothing per message reads the schema.</para>
/// <para>Not thread-safe: use one instance per thread. Several instances (or processes) may open
/// the same file; WAL lets readers run beside the one writer.</para>
/// </remarks>
public sealed class SqliteOrderBook : IOrderStore
{
    private readonly SqliteConnection _connection;
    private readonly string _connectionString;
    // Opened on first use: the verbs that only read the order book never start either.
    private readonly Lazy<SqliteLedgerLookup> _lookup;
    private SqliteCheckpointer? _checkpointer;
    private readonly SqliteCommand _insertLedger;
    private readonly SqliteCommand _insertRaw;
    private readonly SqliteCommand _insertOrder;
    private readonly SqliteCommand _insertStop;
    // Prepared only when sinks are configured: without them a commit runs no outbox statement at all.
    private readonly SqliteCommand? _insertOutbox;
    private readonly string[] _outboxSinks;
    // The transaction InTransaction runs, for statements created inside it (Microsoft.Data.Sqlite requires it on each command).
    private SqliteTransaction? _transaction;
    private bool _disposed;

    private const string LedgerColumns = OrderRows.LedgerColumns;

    private SqliteOrderBook(SqliteConnection connection, string connectionString, string path, int schemaVersionAtOpen, int schemaVersion, IReadOnlyList<string> outboxSinks)
    {
        _connection = connection;
        _connectionString = connectionString;
        _lookup = new Lazy<SqliteLedgerLookup>(() => new SqliteLedgerLookup(_connectionString), LazyThreadSafetyMode.ExecutionAndPublication);
        Location = path;
        SchemaVersionAtOpen = schemaVersionAtOpen;
        SchemaVersion = schemaVersion;
        _outboxSinks = [.. outboxSinks];
        if (_outboxSinks.Length > 0)
        {
            _insertOutbox = Prepare(
                "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at) " +
                "VALUES ($sink, $order_key, $order_id, $payload_json, $created_at)",
                "$sink", "$order_key", "$order_id", "$payload_json", "$created_at");
        }

        _insertLedger = Prepare(
            """
            INSERT INTO ledger (ledger_key, source_key, message_id, subject, sender, sent_at, received_at,
                                processed_at, status, classification, error, order_count)
            VALUES ($ledger_key, $source_key, $message_id, $subject, $sender, $sent_at, $received_at,
                    $processed_at, $status, $classification, $error, $order_count)
            ON CONFLICT (ledger_key) DO NOTHING
            RETURNING id
            """,
            "$ledger_key", "$source_key", "$message_id", "$subject", "$sender", "$sent_at", "$received_at",
            "$processed_at", "$status", "$classification", "$error", "$order_count");
        _insertRaw = Prepare("INSERT INTO raw_message (ledger_id, bytes) VALUES ($ledger_id, $bytes)", "$ledger_id", "$bytes");
        _insertOrder = Prepare(
            """
            INSERT INTO orders (ledger_id, order_index, reference_number, customer, request_type,
                                loading_city, loading_country, loading_date,
                                unloading_city, unloading_country, unloading_date,
                                vehicle_type, weight_kg, price_amount, price_currency, order_json, sources_json)
            VALUES ($ledger_id, $order_index, $reference_number, $customer, $request_type,
                    $loading_city, $loading_country, $loading_date,
                    $unloading_city, $unloading_country, $unloading_date,
                    $vehicle_type, $weight_kg, $price_amount, $price_currency, $order_json, $sources_json)
            RETURNING id
            """,
            "$ledger_id", "$order_index", "$reference_number", "$customer", "$request_type",
            "$loading_city", "$loading_country", "$loading_date",
            "$unloading_city", "$unloading_country", "$unloading_date",
            "$vehicle_type", "$weight_kg", "$price_amount", "$price_currency", "$order_json", "$sources_json");
        _insertStop = Prepare(
            """
            INSERT INTO stops (order_id, stop_index, type, company, address, postal_code, city, country,
                               date, time_from, time_to, latitude, longitude)
            VALUES ($order_id, $stop_index, $type, $company, $address, $postal_code, $city, $country,
                    $date, $time_from, $time_to, $latitude, $longitude)
            """,
            "$order_id", "$stop_index", "$type", "$company", "$address", "$postal_code", "$city", "$country",
            "$date", "$time_from", "$time_to", "$latitude", "$longitude");
    }

    /// <summary>The schema version of the open database (the latest this code knows, after migration).</summary>
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public int SchemaVersionAtOpen { get; }

    /// <inheritdoc />
    public OrderStoreKind Kind => OrderStoreKind.Sqlite;

    /// <summary>The database path as given to <see cref="Open(string)"/>.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> OutboxSinks => _outboxSinks;

    /// <summary>The schema version this code writes.</summary>
    public static int LatestSchemaVersion => OrderBookSchema.Steps[^1].Version;

    /// <summary>
    /// Opens the order book at <paramref name="path"/>, creating the file (and its folder) if needed
    /// and applying every pending schema step in one transaction.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">
    /// The file is not a SQLite database or not an order book, cannot be opened or created, is locked,
    /// or has a newer schema than this code knows.
    /// </exception>
    public static SqliteOrderBook Open(string path) => Open(path, OrderBookSchema.Steps, new OrderStoreOptions());

    /// <summary>
    /// Opens the order book at <paramref name="path"/> with <paramref name="options"/> (outbox sinks,
    /// whether pending schema steps are applied; the connection string is ignored here).
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">As <see cref="Open(string)"/>; also when
    /// migrations are disabled and the schema is older than this code's.</exception>
    public static SqliteOrderBook Open(string path, OrderStoreOptions options) => Open(path, OrderBookSchema.Steps, options);

    internal static SqliteOrderBook Open(string path, IReadOnlyList<MigrationStep> steps) => Open(path, steps, new OrderStoreOptions());

    internal static SqliteOrderBook Open(string path, IReadOnlyList<MigrationStep> steps, OrderStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var sinks = OutboxSinkNames.Validate(path, options.OutboxSinks);
        SqliteConnection? connection = null;
        try
        {
            var fullPath = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(fullPath);
            // Never create folders from a path: a typo must not leave a tree of directories behind.
            if (Directory.Exists(fullPath))
            {
                throw new OrderBookUnavailableException(path, "it is a directory, not a file", "Give the path of a database file inside it, for example --db " + Path.Combine(path, "fleetmanager.db") + ".");
            }

            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                throw new OrderBookUnavailableException(path, $"its folder '{folder}' does not exist", "Create the folder first, or fix --db (or Storage:ConnectionString / DATA_DIR).");
            }

            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                // Pooling would keep the file open after Dispose; one long-lived connection needs no pool.
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString();
            connection = new SqliteConnection(connectionString);
            connection.Open();

            // Before anything is written (even the journal mode): a damaged file is left exactly as it was.
            if (options.VerifyIntegrity && SqliteIntegrity.Check(connection) is { } damage)
            {
                throw new StoreDamagedException(path, damage);
            }

            Configure(connection);
            var (from, version) = Migrate(connection, path, steps, options.ApplyMigrations);
            return new SqliteOrderBook(connection, connectionString, path, from, version, sinks);
        }
        catch (Exception exception)
        {
            connection?.Dispose();
            if (OpenFailure(exception, path, writing: true) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    /// <summary>What a failed open means to the user, or null for a bug (rethrown as it is).</summary>
    private static Core.Errors.StoreException? OpenFailure(Exception exception, string path, bool writing) => exception switch
    {
        SqliteException sqlite when SqliteIntegrity.IsDamage(sqlite) => new StoreDamagedException(path, sqlite.Message, sqlite),
        // SQLite says only "unable to open" or "readonly" when writing; say which one the user can change.
        SqliteException sqlite when writing && (sqlite.SqliteErrorCode & 0xFF) is 8 or 14 && IsReadOnlyLocation(path) =>
            new OrderBookUnavailableException(path, ReadOnlyReason, sqlite, ReadOnlyFix),
        SqliteException sqlite => new OrderBookUnavailableException(path, Describe(sqlite), sqlite, FixFor(sqlite)),
        IOException or UnauthorizedAccessException => new OrderBookUnavailableException(path, "it cannot be opened: " + exception.Message, exception),
        _ => null,
    };

    private const string ReadOnlyReason =
        "the file or its folder is read-only (writing also needs the folder, for the -wal and -shm files SQLite keeps beside the book)";

    private const string ReadOnlyFix =
        "Make the order book file and its folder writable for this user (or give another --db), then run again; 'orders list|show|export' can still read it as it is.";

    /// <summary>
    /// True when the existing book's file or folder cannot be written (file mode, a read-only mount). Only
    /// called after SQLite failed to open or write; the folder probe creates and deletes one empty file.
    /// </summary>
    private static bool IsReadOnlyLocation(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return false;
        }

        try
        {
            using (new FileStream(fullPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            var folder = Path.GetDirectoryName(fullPath) ?? ".";
            using (new FileStream(Path.Combine(folder, ".fleetmanager-write-probe-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return false;
        }
        catch (Exception probe) when (probe is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// Opens an existing order book for the verbs that only read it (<c>orders list|show|export</c>), so a
    /// book on a read-only file, folder or mount can still be read. The file is opened read-only and
    /// nothing is written (no journal mode, no migration). A WAL book needs its <c>-shm</c> index; where
    /// that cannot be created (a read-only folder) the file is read as immutable, which is exact because
    /// nothing can write there either (a <c>-wal</c> left beside it by a killed writer is not read: its
    /// commits appear once a writer has opened the book again). A book whose schema is older than this
    /// code's is opened as <see cref="Open(string, OrderStoreOptions)"/> does, migrating it (which needs
    /// write access).
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">As <see cref="Open(string)"/>.</exception>
    public static SqliteOrderBook OpenForReading(string path, OrderStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var sinks = OutboxSinkNames.Validate(path, options.OutboxSinks);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return Open(path, options);
        }

        SqliteConnection? connection = null;
        try
        {
            string connectionString;
            int version;
            try
            {
                (connection, connectionString, version) = OpenReadOnly(fullPath, path, immutable: false);
            }
            catch (SqliteException exception) when (IsSharedMemoryUnavailable(exception))
            {
                // SQLITE_CANTOPEN / SQLITE_READONLY_CANTINIT: the WAL index cannot be created beside the file.
                (connection, connectionString, version) = OpenReadOnly(fullPath, path, immutable: true);
            }

            var latest = OrderBookSchema.Steps[^1].Version;
            var readable = version == latest ||
                (version > latest && ReadCompatibleFrom(connection, null) is int compatibleFrom && compatibleFrom <= latest);
            if (!readable)
            {
                // Older (or unknown) schema: the writing open migrates it, or says why it cannot.
                connection.Dispose();
                connection = null;
                return Open(path, options);
            }

            connection.CreateFunction<string?, string?>(
                "fm_fold", text => text is null ? null : TextFold.Fold(text), isDeterministic: true);
            return new SqliteOrderBook(connection, connectionString, path, version, version, sinks);
        }
        catch (Exception exception)
        {
            connection?.Dispose();
            if (OpenFailure(exception, path, writing: false) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    private static (SqliteConnection Connection, string ConnectionString, int Version) OpenReadOnly(string fullPath, string path, bool immutable)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            // SQLite's URI filename (Microsoft.Data.Sqlite passes "file:" names as URIs): immutable=1 reads
            // the file without locks, -wal or -shm.
            DataSource = immutable ? "file:" + EscapeUriPath(fullPath) + "?immutable=1" : fullPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // The first read maps the WAL index: a missing -shm that cannot be created fails here.
            var version = ReadVersion(connection, null, path);
            return (connection, connectionString, version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Escapes the characters that end or escape a path in a SQLite URI filename.</summary>
    private static string EscapeUriPath(string fullPath) =>
        fullPath.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("?", "%3f", StringComparison.Ordinal)
            .Replace("#", "%23", StringComparison.Ordinal);

    /// <summary>
    /// A read-only WAL book without its -shm: SQLITE_CANTOPEN (14, any variant), SQLITE_READONLY_CANTINIT
    /// (1288), SQLITE_READONLY_CANTLOCK (520), SQLITE_IOERR_SHMOPEN (4618) or SQLITE_IOERR_SHMSIZE (4874).
    /// </summary>
    private static bool IsSharedMemoryUnavailable(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) == 14 || exception.SqliteExtendedErrorCode is 1288 or 520 or 4618 or 4874;

    /// <summary>
    /// True when a message with this ledger key is already in the ledger (processed or quarantined).
    /// Unlike the rest of this type, safe to call from any thread, also while another commits: it reads
    /// committed rows on a connection of its own.
    /// </summary>
    public bool Contains(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _lookup.Value.Contains(ledgerKey);
    }

    /// <summary>
    /// Records a message and its result in one transaction: the ledger row, the raw bytes, and (for a
    /// readable message) its orders with their stops. A result with <see cref="EmailResult.Error"/>
    /// set is recorded as quarantined with that reason and no orders.
    /// </summary>
    /// <returns>False, with nothing changed, when the ledger key is already recorded.</returns>
    /// <exception cref="SqliteException">The database failed (disk full, I/O); nothing of the message is stored.</exception>
    /// <exception cref="ArgumentException">
    /// An order cannot be written as spec JSON (a NaN or infinite coordinate); nothing of the message is
    /// stored, and the caller may quarantine the message instead.
    /// </exception>
    public bool Commit(StoredMessage message, EmailResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return InTransaction(() => Write(message, result));
    }

    /// <summary>
    /// Group commit: records several messages, each as <see cref="Commit"/> would, in ONE transaction,
    /// which costs far less per message than a transaction each (the pages a commit touches are
    /// written once per batch). Either every message of the batch is stored or none is.
    /// </summary>
    /// <returns>For each message in order: true when stored, false when its ledger key was already recorded
    /// (also by an earlier message of the same batch).</returns>
    /// <exception cref="SqliteException">The database failed; nothing of the batch is stored.</exception>
    /// <exception cref="ArgumentException">
    /// A message's order cannot be written as spec JSON; nothing of the batch is stored. Commit the
    /// batch's messages one by one to find it.
    /// </exception>
    public IReadOnlyList<bool> CommitBatch(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var (message, result) in batch)
        {
            ArgumentNullException.ThrowIfNull(message);
            ArgumentNullException.ThrowIfNull(result);
        }

        return InTransaction(() =>
        {
            var stored = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                stored[i] = Write(batch[i].Message, batch[i].Result);
            }

            return stored;
        });
    }

    /// <summary>Orders matching <paramref name="query"/> as list rows, ordered by id.</summary>
    public IReadOnlyList<OrderSummary> ListOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT o.id, l.message_id, l.ledger_key, o.order_index, o.reference_number, o.customer, o.request_type, " +
            "o.loading_city, o.loading_country, o.loading_date, o.unloading_city, o.unloading_country, o.unloading_date, " +
            "o.vehicle_type, o.weight_kg, o.price_amount, o.price_currency " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id" + Where(command, query);
        var list = new List<OrderSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new OrderSummary(
                Id: reader.GetInt64(0),
                MessageId: reader.GetString(1),
                LedgerKey: reader.GetString(2),
                OrderIndex: reader.GetInt32(3),
                ReferenceNumber: TextOrNull(reader, 4),
                Customer: TextOrNull(reader, 5),
                RequestType: SpecText.ParseRequestType(TextOrNull(reader, 6)),
                LoadingCity: TextOrNull(reader, 7),
                LoadingCountry: TextOrNull(reader, 8),
                LoadingDate: SpecText.ParseDate(TextOrNull(reader, 9)),
                UnloadingCity: TextOrNull(reader, 10),
                UnloadingCountry: TextOrNull(reader, 11),
                UnloadingDate: SpecText.ParseDate(TextOrNull(reader, 12)),
                VehicleType: SpecText.ParseVehicleType(TextOrNull(reader, 13)),
                WeightKg: reader.IsDBNull(14) ? null : (decimal)reader.GetDouble(14),
                Price: reader.IsDBNull(15) || reader.IsDBNull(16)
                    ? null
                    : new Price((decimal)reader.GetDouble(15), reader.GetString(16))));
        }

        return list;
    }

    /// <summary>One order with its stops, field evidence and message metadata; null when there is no such id.</summary>
    public StoredOrder? GetOrder(long id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"SELECT o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns} " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadStoredOrder(reader) : null;
    }

    /// <summary>
    /// Orders matching <paramref name="query"/> in full, ordered by id, read one at a time as the
    /// caller enumerates (for exports of any size). Finish or dispose the enumeration before the
    /// next <see cref="Commit"/> on this instance.
    /// </summary>
    public IEnumerable<StoredOrder> QueryOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadAll(query);

        IEnumerable<StoredOrder> ReadAll(OrderQuery query)
        {
            using var command = _connection.CreateCommand();
            command.CommandText =
                $"SELECT o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns} " +
                "FROM orders o JOIN ledger l ON l.id = o.ledger_id" + Where(command, query);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return ReadStoredOrder(reader);
            }
        }
    }

    /// <summary>How many messages were processed and quarantined, processed ones by classification, and the number of orders.</summary>
    public LedgerCounts CountLedger()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long processed = 0, quarantined = 0;
        var byClassification = Enum.GetValues<Classification>().ToDictionary(c => c, _ => 0L);
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT status, classification, COUNT(*) FROM ledger GROUP BY status, classification";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var count = reader.GetInt64(2);
                if (reader.GetString(0) == "quarantined")
                {
                    quarantined += count;
                    continue;
                }

                processed += count;
                if (SpecText.ParseClassification(TextOrNull(reader, 1)) is { } classification)
                {
                    byClassification[classification] += count;
                }
            }
        }

        using var orders = _connection.CreateCommand();
        orders.CommandText = "SELECT COUNT(*) FROM orders";
        return new LedgerCounts(processed, quarantined, byClassification, (long)orders.ExecuteScalar()!);
    }

    /// <summary>Quarantined messages (with their reasons), oldest first.</summary>
    public IReadOnlyList<LedgerEntry> ListQuarantined(int limit = 100, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"SELECT {LedgerColumns} FROM ledger l WHERE l.status = 'quarantined' ORDER BY l.id LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var list = new List<LedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(ReadLedgerEntry(reader, 0));
        }

        return list;
    }

    /// <summary>The ledger row for a message; null when the key is not recorded.</summary>
    public LedgerEntry? GetLedgerEntry(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {LedgerColumns} FROM ledger l WHERE l.ledger_key = $key";
        command.Parameters.AddWithValue("$key", ledgerKey);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadLedgerEntry(reader, 0) : null;
    }

    /// <summary>The message's bytes as received; null when the key is not recorded.</summary>
    public byte[]? GetRawMessage(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT r.bytes FROM raw_message r JOIN ledger l ON l.id = r.ledger_id WHERE l.ledger_key = $key";
        command.Parameters.AddWithValue("$key", ledgerKey);
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetFieldValue<byte[]>(0) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<LedgerEntry> ListLedger(LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {LedgerColumns} FROM ledger l WHERE l.id > $after");
        command.Parameters.AddWithValue("$after", query.AfterId);
        if (query.Status is { } status)
        {
            sql.Append(" AND l.status = $status");
            command.Parameters.AddWithValue("$status", status == LedgerStatus.Quarantined ? "quarantined" : "processed");
        }

        if (query.ProcessedSince is { } since)
        {
            // julianday reads the stored ISO 8601 text with its offset, so instants compare whatever offset they were written with.
            sql.Append(" AND julianday(l.processed_at) >= julianday($since)");
            command.Parameters.AddWithValue("$since", SpecText.Of(since));
        }

        if (query.MessageId is { } messageId)
        {
            sql.Append(" AND l.message_id = $message_id");
            command.Parameters.AddWithValue("$message_id", messageId);
        }

        sql.Append(" ORDER BY l.id LIMIT $limit");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();
        var list = new List<LedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(ReadLedgerEntry(reader, 0));
        }

        return list;
    }

    /// <inheritdoc />
    public ReplaceOutcome Replace(StoredMessage message, EmailResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Serialised before the transaction: an order that cannot be written as JSON fails with nothing changed.
        var replacement = StoredOutcome.Of(result);
        return InTransaction(() =>
        {
            long ledgerId;
            StoredOutcome current;
            string oldMessageId;
            using (var read = Command("SELECT id, message_id, status, classification, error FROM ledger WHERE ledger_key = $key"))
            {
                read.Parameters.AddWithValue("$key", message.LedgerKey);
                using var reader = read.ExecuteReader();
                if (!reader.Read())
                {
                    return ReplaceOutcome.NotFound;
                }

                ledgerId = reader.GetInt64(0);
                oldMessageId = reader.GetString(1);
                current = new StoredOutcome(reader.GetString(2), TextOrNull(reader, 3), TextOrNull(reader, 4), []);
            }

            var oldOrders = new List<(string Json, string? Sources)>();
            using (var read = Command("SELECT order_json, sources_json FROM orders WHERE ledger_id = $ledger ORDER BY order_index"))
            {
                read.Parameters.AddWithValue("$ledger", ledgerId);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    oldOrders.Add((reader.GetString(0), TextOrNull(reader, 1)));
                }
            }

            current = current with { Orders = oldOrders };
            if (oldMessageId == message.MessageId && current.SameAs(replacement))
            {
                return ReplaceOutcome.Unchanged;
            }

            Execute("DELETE FROM outbox WHERE delivered_at IS NULL AND order_id IN (SELECT id FROM orders WHERE ledger_id = $ledger)", ledgerId);
            Execute("DELETE FROM stops WHERE order_id IN (SELECT id FROM orders WHERE ledger_id = $ledger)", ledgerId);
            Execute("DELETE FROM orders WHERE ledger_id = $ledger", ledgerId);
            using (var update = Command(
                """
                UPDATE ledger SET message_id = $message_id, subject = $subject, sender = $sender, sent_at = $sent_at,
                                  processed_at = $processed_at, status = $status, classification = $classification,
                                  error = $error, order_count = $order_count
                WHERE id = $ledger
                """))
            {
                var p = update.Parameters;
                p.AddWithValue("$ledger", ledgerId);
                p.AddWithValue("$message_id", message.MessageId);
                p.AddWithValue("$subject", OrNull(message.Subject));
                p.AddWithValue("$sender", OrNull(message.From));
                p.AddWithValue("$sent_at", message.Date is { } date ? SpecText.Of(date) : DBNull.Value);
                p.AddWithValue("$processed_at", SpecText.Of(message.ProcessedAt));
                p.AddWithValue("$status", replacement.Status);
                p.AddWithValue("$classification", OrNull(replacement.Classification));
                p.AddWithValue("$error", OrNull(replacement.Error));
                p.AddWithValue("$order_count", replacement.Orders.Count);
                update.ExecuteNonQuery();
            }

            var orders = result.Error is null ? result.Orders : [];
            var changes = new List<(string Key, long? OrderId, string Payload, string Change)>();
            for (var index = 0; index < orders.Count; index++)
            {
                var orderId = WriteOrder(ledgerId, index, orders[index]);
                changes.Add((OutboxOrderKey.Of(message.MessageId, index), orderId, OrderJsonExporter.ElementJson(orderId, message.MessageId, orders[index]), "upsert"));
            }

            foreach (var key in OutboxRemovals.Keys(oldMessageId, oldOrders.Count, message.MessageId, orders.Count))
            {
                changes.Add((key, null, OutboxRemovals.Payload, "delete"));
            }

            WriteOutboxChanges(changes, message.ProcessedAt);
            return ReplaceOutcome.Replaced;
        });
    }

    /// <inheritdoc />
    public long PurgeRawMessages(DateTimeOffset processedBefore)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return InTransaction(() =>
        {
            using var command = Command(
                "DELETE FROM raw_message WHERE ledger_id IN (SELECT id FROM ledger WHERE julianday(processed_at) < julianday($before))");
            command.Parameters.AddWithValue("$before", SpecText.Of(processedBefore));
            return (long)command.ExecuteNonQuery();
        });
    }

    /// <summary>Outbox entries of a replacement, one per configured sink each, inside the open transaction.</summary>
    private void WriteOutboxChanges(List<(string Key, long? OrderId, string Payload, string Change)> changes, DateTimeOffset at)
    {
        if (_outboxSinks.Length == 0 || changes.Count == 0)
        {
            return;
        }

        using var insert = Command(
            "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at, change) " +
            "VALUES ($sink, $order_key, $order_id, $payload_json, $created_at, $change)");
        var sink = insert.Parameters.Add(new SqliteParameter { ParameterName = "$sink" });
        var key = insert.Parameters.Add(new SqliteParameter { ParameterName = "$order_key" });
        var orderId = insert.Parameters.Add(new SqliteParameter { ParameterName = "$order_id" });
        var payload = insert.Parameters.Add(new SqliteParameter { ParameterName = "$payload_json" });
        var change = insert.Parameters.Add(new SqliteParameter { ParameterName = "$change" });
        insert.Parameters.AddWithValue("$created_at", SpecText.Of(at));
        foreach (var entry in changes)
        {
            foreach (var name in _outboxSinks)
            {
                sink.Value = name;
                key.Value = entry.Key;
                orderId.Value = entry.OrderId is { } id ? id : DBNull.Value;
                payload.Value = entry.Payload;
                change.Value = entry.Change;
                insert.ExecuteNonQuery();
            }
        }
    }

    /// <summary>A statement in the transaction <see cref="InTransaction{T}"/> runs.</summary>
    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private void Execute(string sql, long ledgerId)
    {
        using var command = Command(sql);
        command.Parameters.AddWithValue("$ledger", ledgerId);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public string? GetCursor(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT cursor_value FROM source_cursor WHERE source = $source";
        command.Parameters.AddWithValue("$source", source);
        return command.ExecuteScalar() as string;
    }

    /// <inheritdoc />
    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cursor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "INSERT INTO source_cursor (source, cursor_value, saved_at) VALUES ($source, $cursor, $saved_at) " +
            "ON CONFLICT (source) DO UPDATE SET cursor_value = excluded.cursor_value, saved_at = excluded.saved_at";
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$cursor", cursor);
        command.Parameters.AddWithValue("$saved_at", SpecText.Of(savedAt));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    /// <remarks>
    /// One upsert statement, which SQLite runs as its own write transaction: the check (free, expired
    /// or ours) and the take cannot be split by another process sharing the file.
    /// </remarks>
    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO lease (resource, holder, expires_at_ms, acquired_at) VALUES ($resource, $holder, $expires, $now_text)
            ON CONFLICT (resource) DO UPDATE
                SET holder = excluded.holder,
                    expires_at_ms = excluded.expires_at_ms,
                    acquired_at = CASE WHEN lease.holder = excluded.holder THEN lease.acquired_at ELSE excluded.acquired_at END
                WHERE lease.expires_at_ms <= $now OR lease.holder = excluded.holder
            RETURNING holder
            """;
        command.Parameters.AddWithValue("$resource", resource);
        command.Parameters.AddWithValue("$holder", holder);
        command.Parameters.AddWithValue("$expires", (now + duration).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now_text", SpecText.Of(now));
        return command.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public void Release(string resource, string holder)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM lease WHERE resource = $resource AND holder = $holder";
        command.Parameters.AddWithValue("$resource", resource);
        command.Parameters.AddWithValue("$holder", holder);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT id, order_key, payload_json, change FROM outbox WHERE sink = $sink AND delivered_at IS NULL ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$sink", sink);
        command.Parameters.AddWithValue("$max", max);
        var entries = new List<OutboxEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), sink, reader.GetString(1), reader.GetString(2)) { Change = OutboxRemovals.ParseChange(reader.GetString(3)) });
        }

        return entries;
    }

    /// <inheritdoc />
    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ids);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ids.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE outbox SET delivered_at = $delivered_at WHERE id = $id AND sink = $sink AND delivered_at IS NULL";
        var id = command.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        command.Parameters.AddWithValue("$sink", sink);
        command.Parameters.AddWithValue("$delivered_at", SpecText.Of(deliveredAt));
        foreach (var value in ids)
        {
            id.Value = value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public long Depth(string sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE sink = $sink AND delivered_at IS NULL";
        command.Parameters.AddWithValue("$sink", sink);
        return (long)command.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT latitude, longitude, confidence FROM geocode_cache WHERE provider = $provider AND query_key = $query";
        command.Parameters.AddWithValue("$provider", provider);
        command.Parameters.AddWithValue("$query", GeocodeQueryKey.Normalise(query));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            point = null;
            return false;
        }

        point = reader.IsDBNull(0) || reader.IsDBNull(1)
            ? null
            : new GeoPoint(reader.GetDouble(0), reader.GetDouble(1), reader.IsDBNull(2) ? 1.0 : reader.GetDouble(2));
        return true;
    }

    /// <inheritdoc />
    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO geocode_cache (provider, query_key, latitude, longitude, confidence, cached_at)
            VALUES ($provider, $query, $latitude, $longitude, $confidence, $cached_at)
            ON CONFLICT (provider, query_key) DO UPDATE
                SET latitude = excluded.latitude, longitude = excluded.longitude,
                    confidence = excluded.confidence, cached_at = excluded.cached_at
            """;
        command.Parameters.AddWithValue("$provider", provider);
        command.Parameters.AddWithValue("$query", GeocodeQueryKey.Normalise(query));
        command.Parameters.AddWithValue("$latitude", point is null ? DBNull.Value : point.Latitude);
        command.Parameters.AddWithValue("$longitude", point is null ? DBNull.Value : point.Longitude);
        command.Parameters.AddWithValue("$confidence", point is null ? DBNull.Value : point.Confidence);
        command.Parameters.AddWithValue("$cached_at", SpecText.Of(at));
        command.ExecuteNonQuery();
    }

    /// <summary>Closes the connection (the WAL is checkpointed when the last connection to the file closes).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // The checkpointer and the look-up close first, so the writer's connection is the last one and
        // SQLite checkpoints and removes the log as it closes.
        _checkpointer?.Dispose();
        if (_lookup.IsValueCreated)
        {
            _lookup.Value.Dispose();
        }

        _insertLedger.Dispose();
        _insertRaw.Dispose();
        _insertOrder.Dispose();
        _insertStop.Dispose();
        _insertOutbox?.Dispose();
        _connection.Dispose();
    }

    /// <summary>
    /// Hands checkpoints to a background thread (see <see cref="SqliteCheckpointer"/>) and raises the
    /// writer's own threshold to the backstop, on the first write of this instance.
    /// </summary>
    private SqliteCheckpointer StartCheckpointer()
    {
        var checkpointer = new SqliteCheckpointer(_connectionString);
        using var command = _connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint = {SqliteCheckpointer.BackstopPages}";
        command.ExecuteNonQuery();
        return checkpointer;
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction; any exception rolls everything back.</summary>
    private T InTransaction<T>(Func<T> work)
    {
        _checkpointer ??= StartCheckpointer();
        using var transaction = _connection.BeginTransaction();
        _insertLedger.Transaction = transaction;
        _insertRaw.Transaction = transaction;
        _insertOrder.Transaction = transaction;
        _insertStop.Transaction = transaction;
        _insertOutbox?.Transaction = transaction;
        _transaction = transaction;
        try
        {
            var result = work();
            transaction.Commit();
            _checkpointer.Request();
            return result;
        }
        catch (SqliteException exception) when (SqliteIntegrity.IsDamage(exception))
        {
            // Rolled back by the using: a page met on the way is malformed, so nothing more is written.
            throw new StoreDamagedException(Location, exception.Message, exception);
        }
        catch (SqliteException exception)
        {
            // Disk full, a read-only file, a damaged page: the transaction rolls back (nothing of the
            // batch is stored) and the run stops with the store's fix.
            throw new OrderBookUnavailableException(Location, Describe(exception) + " (nothing of this batch was stored)", exception, FixFor(exception));
        }
        finally
        {
            _transaction = null;
            _insertLedger.Transaction = null;
            _insertRaw.Transaction = null;
            _insertOrder.Transaction = null;
            _insertStop.Transaction = null;
            _insertOutbox?.Transaction = null;
        }
    }

    /// <summary>Writes one message inside the open transaction; false when its ledger key is already recorded.</summary>
    private bool Write(StoredMessage message, EmailResult result)
    {
        var quarantined = result.Error is not null;
        var orders = quarantined ? [] : result.Orders;

        var ledger = _insertLedger.Parameters;
        ledger[0].Value = message.LedgerKey;
        ledger[1].Value = message.SourceKey;
        ledger[2].Value = message.MessageId;
        ledger[3].Value = OrNull(message.Subject);
        ledger[4].Value = OrNull(message.From);
        ledger[5].Value = message.Date is { } date ? SpecText.Of(date) : DBNull.Value;
        ledger[6].Value = message.ReceivedAt is { } received ? SpecText.Of(received) : DBNull.Value;
        ledger[7].Value = SpecText.Of(message.ProcessedAt);
        ledger[8].Value = quarantined ? "quarantined" : "processed";
        ledger[9].Value = !quarantined && result.Classification is { } classification ? SpecText.Of(classification) : DBNull.Value;
        ledger[10].Value = OrNull(result.Error);
        ledger[11].Value = orders.Count;
        if (_insertLedger.ExecuteScalar() is not long ledgerId)
        {
            // The key is already recorded: an earlier run (or batch entry) committed this message.
            return false;
        }

        _insertRaw.Parameters[0].Value = ledgerId;
        _insertRaw.Parameters[1].Value = AsArray(message.Raw);
        _insertRaw.ExecuteNonQuery();

        for (var index = 0; index < orders.Count; index++)
        {
            var orderId = WriteOrder(ledgerId, index, orders[index]);
            if (_insertOutbox is not null)
            {
                WriteOutbox(orderId, index, orders[index], message);
            }
        }

        return true;
    }

    private long WriteOrder(long ledgerId, int index, TransportOrder order)
    {
        var (firstLoading, lastUnloading) = OrderRows.Ends(order);

        var p = _insertOrder.Parameters;
        p[0].Value = ledgerId;
        p[1].Value = index;
        p[2].Value = OrNull(order.ReferenceNumber);
        p[3].Value = OrNull(order.Customer);
        p[4].Value = order.RequestType is { } requestType ? SpecText.Of(requestType) : DBNull.Value;
        p[5].Value = OrNull(firstLoading?.City);
        p[6].Value = OrNull(firstLoading?.Country);
        p[7].Value = firstLoading?.Date is { } loadingDate ? SpecText.Of(loadingDate) : DBNull.Value;
        p[8].Value = OrNull(lastUnloading?.City);
        p[9].Value = OrNull(lastUnloading?.Country);
        p[10].Value = lastUnloading?.Date is { } unloadingDate ? SpecText.Of(unloadingDate) : DBNull.Value;
        p[11].Value = order.VehicleType is { } vehicle ? SpecText.Of(vehicle) : DBNull.Value;
        p[12].Value = order.WeightKg is { } weight ? (double)weight : DBNull.Value;
        p[13].Value = order.Price is { } price ? (double)price.Amount : DBNull.Value;
        p[14].Value = OrNull(order.Price?.Currency);
        p[15].Value = JsonSerializer.Serialize(order, FleetManagerJsonContext.Compact.TransportOrder);
        p[16].Value = order.Sources.Count == 0 ? DBNull.Value : SerializeSources(order.Sources);
        var orderId = (long)_insertOrder.ExecuteScalar()!;

        var s = _insertStop.Parameters;
        for (var stopIndex = 0; stopIndex < order.Stops.Count; stopIndex++)
        {
            var stop = order.Stops[stopIndex];
            s[0].Value = orderId;
            s[1].Value = stopIndex;
            s[2].Value = SpecText.Of(stop.Type);
            s[3].Value = OrNull(stop.Company);
            s[4].Value = OrNull(stop.Address);
            s[5].Value = OrNull(stop.PostalCode);
            s[6].Value = OrNull(stop.City);
            s[7].Value = OrNull(stop.Country);
            s[8].Value = stop.Date is { } date ? SpecText.Of(date) : DBNull.Value;
            s[9].Value = stop.TimeFrom is { } from ? SpecText.Of(from) : DBNull.Value;
            s[10].Value = stop.TimeTo is { } to ? SpecText.Of(to) : DBNull.Value;
            s[11].Value = stop.Latitude is { } latitude ? latitude : DBNull.Value;
            s[12].Value = stop.Longitude is { } longitude ? longitude : DBNull.Value;
            _insertStop.ExecuteNonQuery();
        }

        return orderId;
    }

    /// <summary>One outbox row per configured sink for an order just written, in the same transaction.</summary>
    private void WriteOutbox(long orderId, int index, TransportOrder order, StoredMessage message)
    {
        if (_insertOutbox is null)
        {
            return;
        }

        var payload = OrderJsonExporter.ElementJson(orderId, message.MessageId, order);
        var key = OutboxOrderKey.Of(message.MessageId, index);
        var p = _insertOutbox!.Parameters;
        foreach (var sink in _outboxSinks)
        {
            p[0].Value = sink;
            p[1].Value = key;
            p[2].Value = orderId;
            p[3].Value = payload;
            p[4].Value = SpecText.Of(message.ProcessedAt);
            _insertOutbox.ExecuteNonQuery();
        }
    }

    private static string SerializeSources(IReadOnlyDictionary<string, TextSpan> sources) => OrderRows.SerializeSources(sources);

    private static StoredOrder ReadStoredOrder(SqliteDataReader reader) => OrderRows.ReadStoredOrder(reader);

    private static LedgerEntry ReadLedgerEntry(SqliteDataReader reader, int first) => OrderRows.ReadLedgerEntry(reader, first);

    /// <summary>Adds the query's filters as parameters of <paramref name="command"/> and returns the WHERE/ORDER/LIMIT tail.</summary>
    private static string Where(SqliteCommand command, OrderQuery query)
    {
        var conditions = new List<string>();
        if (query.LoadingFrom is { } from)
        {
            conditions.Add("o.loading_date >= $loading_from");
            command.Parameters.AddWithValue("$loading_from", SpecText.Of(from));
        }

        if (query.LoadingTo is { } to)
        {
            conditions.Add("o.loading_date <= $loading_to");
            command.Parameters.AddWithValue("$loading_to", SpecText.Of(to));
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            conditions.Add("(o.loading_country = $country OR o.unloading_country = $country)");
            command.Parameters.AddWithValue("$country", query.Country.Trim().ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(query.CustomerContains))
        {
            conditions.Add("instr(fm_fold(o.customer), $customer) > 0");
            command.Parameters.AddWithValue("$customer", TextFold.Fold(query.CustomerContains.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.ReferenceNumber))
        {
            conditions.Add("o.reference_number = $reference COLLATE NOCASE");
            command.Parameters.AddWithValue("$reference", query.ReferenceNumber.Trim());
        }

        if (query.RequestType is { } requestType)
        {
            conditions.Add("o.request_type = $request_type");
            command.Parameters.AddWithValue("$request_type", SpecText.Of(requestType));
        }

        if (query.Classification is { } classification)
        {
            conditions.Add("l.classification = $classification");
            command.Parameters.AddWithValue("$classification", SpecText.Of(classification));
        }

        if (query.MessageId is { } messageId)
        {
            conditions.Add("l.message_id = $message_id");
            command.Parameters.AddWithValue("$message_id", messageId);
        }

        var sql = new StringBuilder();
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY o.id");
        if (query.Limit is not null || query.Offset > 0)
        {
            // SQLite needs a LIMIT for an OFFSET; -1 means no limit.
            sql.Append(" LIMIT $limit OFFSET $offset");
            command.Parameters.AddWithValue("$limit", query.Limit ?? -1);
            command.Parameters.AddWithValue("$offset", query.Offset);
        }

        return sql.ToString();
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // WAL + NORMAL: a commit is durable against a killed process without an fsync per commit.
        command.CommandText = "PRAGMA journal_mode = WAL";
        command.ExecuteScalar();
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
        connection.CreateFunction<string?, string?>(
            "fm_fold", text => text is null ? null : TextFold.Fold(text), isDeterministic: true);
    }

    private static (int From, int To) Migrate(SqliteConnection connection, string path, IReadOnlyList<MigrationStep> steps, bool apply)
    {
        var latest = steps[^1].Version;
        // One immediate transaction: two processes opening a new file at once cannot both migrate it.
        using var transaction = connection.BeginTransaction();
        var version = ReadVersion(connection, transaction, path);
        var from = version;
        if (version > latest)
        {
            // Expand/contract (docs/storage.md): a newer release whose steps only added tables and columns
            // records the oldest schema its data still works with; this release keeps running on it, which
            // is what lets blue serve while green migrates, and a rollback reopen the migrated book.
            if (ReadCompatibleFrom(connection, transaction) is int compatibleFrom && compatibleFrom <= latest)
            {
                transaction.Commit();
                return (from, version);
            }

            throw new OrderBookUnavailableException(
                path, $"its schema version is {version}, newer than the {latest} this program knows; use a newer FleetManager");
        }

        if (version < latest && !apply)
        {
            throw new OrderBookUnavailableException(
                path, $"its schema version is {version}, older than the {latest} this program writes, and migrations at open are disabled; run 'fleetmanager db migrate'");
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var step in steps)
        {
            if (step.Version <= version)
            {
                continue;
            }

            command.Parameters.Clear();
            command.CommandText = step.Sql;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException exception)
            {
                throw new OrderBookUnavailableException(
                    path, $"schema step {step.Version} failed and nothing was changed: {exception.Message}", exception);
            }

            command.CommandText =
                "INSERT INTO schema_version (id, version) VALUES (1, $version) " +
                "ON CONFLICT (id) DO UPDATE SET version = excluded.version";
            command.Parameters.AddWithValue("$version", step.Version);
            command.ExecuteNonQuery();
            version = step.Version;
        }

        transaction.Commit();
        return (from, version);
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction, string path)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            if ((long)command.ExecuteScalar()! > 0)
            {
                // Migrating would add our tables to somebody else's database.
                throw new OrderBookUnavailableException(path, "it is a SQLite database of another program (it has no schema_version table)");
            }

            return 0;
        }

        command.CommandText = "SELECT version FROM schema_version WHERE id = 1";
        return command.ExecuteScalar() is long version
            ? checked((int)version)
            : throw new OrderBookUnavailableException(path, "its schema_version table is empty");
    }

    /// <summary>
    /// <c>schema_version.compatible_from</c>: the oldest schema version whose code may still use this database
    /// (written by a later release's additive steps); null when the column does not exist (no promise made).
    /// </summary>
    public static int? ReadCompatibleFrom(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('schema_version') WHERE name = 'compatible_from'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return null;
        }

        command.CommandText = "SELECT compatible_from FROM schema_version WHERE id = 1";
        return command.ExecuteScalar() is long value ? checked((int)value) : null;
    }

    private static string Describe(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        26 => "the file is not a SQLite database",
        11 => "the database file is corrupt",
        14 => "the file cannot be opened or created (check the path and permissions)",
        8 => "the file is read-only",
        23 => "access to the file is denied",
        5 or 6 => "the database is locked by another process",
        13 => "the disk is full",
        _ => exception.Message,
    };

    /// <summary>What to do about a SQLite failure, by its primary error code.</summary>
    private static string FixFor(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        13 => "Free disk space where the order book lives, then run again: everything committed before is kept.",
        8 or 23 => "Make the order book file and its folder writable for this user (or give another --db), then run again.",
        11 or 26 => "Restore the order book from a backup (docs/operations.md) or start a new one with another --db.",
        5 or 6 => "Stop the other process using the order book, then run again.",
        _ => "Check the order book file, its folder and free space, then run again.",
    };

    private static object OrNull(string? text) => text is null ? DBNull.Value : text;

    private static string? TextOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static byte[] AsArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();
}
