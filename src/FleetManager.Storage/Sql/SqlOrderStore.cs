// Why one file of ~450 lines: this is the store's front door — every port Core and the dashboard use (order
// book, cursors, leases, outbox, geocode cache, corrections, users) is one member here that serialises on the
// store's gate (SQLite's one connection) and translates the back-end's exceptions into the StoreException family; the work itself is in
// the rooms (OrderBookQueries, ServiceStateStore, OrderListIndex, the ledger writers). The members are short.
using FleetManager.Core.Errors;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Storage.Corrections;
using FleetManager.Storage.Users;

namespace FleetManager.Storage.Sql;

/// <summary>
/// What both back-ends are: the order book behind Core's ports (<see cref="IOrderBook"/>, <see cref="ICursorStore"/>,
/// <see cref="ILeaseStore"/>, <see cref="IOutbox"/>, <see cref="IGeocodeCache"/>) and every read the CLI uses, composed of
/// the back-end's <see cref="ILedgerWriter"/> and the shared <see cref="OrderBookQueries"/> and <see cref="ServiceStateStore"/>.
/// </summary>
/// <remarks>
/// <para>Every call is guarded once here: a closed store refuses it, and the database library's failure becomes the
/// store's exception (<see cref="StoreException"/> family, which says what to do) through the dialect, so no
/// <c>SqliteException</c> or <c>NpgsqlException</c> leaves Storage.</para>
/// <para>A back-end with one connection (SQLite) asks for <c>serialize</c>: then every call but
/// <see cref="ContainsAsync"/> runs under one gate (a <see cref="SemaphoreSlim"/>, so the asynchronous ports wait for it without holding a thread or a lock across an await), so the pipeline may check, commit, geocode, poll, renew leases and
/// deliver the outbox from several threads at once. Enumerating <see cref="QueryOrdersAsync"/> is not under the gate:
/// finish it before the next call on the same instance.</para>
/// </remarks>
public abstract class SqlOrderStore : IOrderStore, IOrderCorrections, IUserAccounts
{
    private readonly SqlDialect _dialect;
    private readonly ILedgerWriter _writer;
    private readonly OrderBookQueries _queries;
    private readonly ServiceStateStore _state;
    private readonly OrderCorrectionQueries _corrections;
    private readonly OrderListIndex _list;
    private readonly OrderListPages _pages;
    private readonly UserAccountQueries _users;
    private readonly StopPlaceQueries _places;
    private readonly string[] _outboxSinks;
    private readonly SemaphoreSlim? _gate;
    private bool _disposed;

    private protected SqlOrderStore(SqlDialect dialect, ILedgerWriter writer, string location, int schemaVersionAtOpen, int schemaVersion, IReadOnlyList<string> outboxSinks, bool serialize)
    {
        _dialect = dialect;
        _writer = writer;
        _queries = new OrderBookQueries(dialect);
        _state = new ServiceStateStore(dialect);
        _corrections = new OrderCorrectionQueries(dialect);
        _list = new OrderListIndex(dialect, _corrections);
        _pages = new OrderListPages(dialect, _list, _corrections);
        // Each commit hands its orders' list rows over, so the list's catch-up need not read them back.
        writer.ListRows = _list.Committed;
        _users = new UserAccountQueries(dialect);
        _places = new StopPlaceQueries(dialect);
        _outboxSinks = [.. outboxSinks];
        _gate = serialize ? new SemaphoreSlim(1, 1) : null;
        Location = location;
        SchemaVersionAtOpen = schemaVersionAtOpen;
        SchemaVersion = schemaVersion;
    }

    /// <inheritdoc />
    public abstract OrderStoreKind Kind { get; }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public int SchemaVersionAtOpen { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> OutboxSinks => _outboxSinks;

    /// <inheritdoc />
    public IOrderCorrections Corrections => this;

    /// <inheritdoc />
    public IUserAccounts Users => this;
    /// <remarks>Declared here so that a back-end's override is what <see cref="IOrderStore"/> callers see.</remarks>
    public virtual string? SearchIndexWarning => null;

    /// <inheritdoc />
    public virtual ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.ContainsAsync(ledgerKey, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> IsQuarantinedAsync(string ledgerKey, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.IsQuarantinedAsync(ledgerKey, token), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<bool> CommitAsync(ProcessedMessage message, DateTimeOffset processedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (await CommitBatchAsync([message], processedAt, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        (StoredMessage Message, EmailResult Result)[] batch = [.. messages.Select(m => (StoredMessage.Of(m, processedAt), m.Result))];
        return RunAsync(token => _writer.CommitBatchAsync(batch, token), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> CommitAsync(StoredMessage message, EmailResult result, CancellationToken cancellationToken) =>
        (await CommitBatchAsync([(message, result)], cancellationToken).ConfigureAwait(false))[0];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch, CancellationToken cancellationToken) =>
        RunAsync(token => _writer.CommitBatchAsync(batch, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<ReplaceOutcome> ReplaceAsync(StoredMessage message, EmailResult result, CancellationToken cancellationToken) => RunAsync(
        async token =>
        {
            var outcome = await _writer.ReplaceAsync(message, result, token).ConfigureAwait(false);
            if (outcome == ReplaceOutcome.Replaced)
            {
                // The message's orders have new ids: their list rows are derived again (corrections follow by key).
                await _list.RefreshMessageAsync(message.LedgerKey, token).ConfigureAwait(false);
            }

            return outcome;
        },
        cancellationToken);

    /// <inheritdoc />
    public ValueTask<OrderBrowsePage> BrowseOrdersAsync(OrderBrowseQuery query, CancellationToken cancellationToken) =>
        RunAsync(token => _pages.BrowseAsync(query, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<OrderListEntryPage> ListOrderEntriesAsync(OrderBrowseQuery query, CancellationToken cancellationToken) =>
        RunAsync(token => _pages.EntriesAsync(query, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> CatchUpOrderListAsync(IProgress<int>? progress, CancellationToken cancellationToken) =>
        RunAsync(token => _list.SyncAsync(progress, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<UnplacedStopSelection> SelectUnplacedStopsAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync(token => _places.UnplacedStopsAsync(limit, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<OpenLaneSelection> SelectOpenLanesAsync(int limit, CancellationToken cancellationToken) => RunAsync(
        async token =>
        {
            // The lanes read the status from the order list: orders committed since its last look are added first.
            await _list.SyncAsync(progress: null, token).ConfigureAwait(false);
            return await _places.OpenLanesAsync(limit, token).ConfigureAwait(false);
        },
        cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> PurgeRawMessagesAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken) =>
        RunAsync(token => _state.PurgeRawMessagesAsync(processedBefore, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OrderSummary>> ListOrdersAsync(OrderQuery query, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.ListOrdersAsync(query, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredOrder?> GetOrderAsync(long id, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.GetOrderAsync(id, token), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredOrder> QueryOrdersAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return TranslatedAsync(_queries.QueryOrdersAsync(query, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<LedgerCounts> CountLedgerAsync(CancellationToken cancellationToken) =>
        RunAsync(_queries.CountLedgerAsync, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LedgerEntry>> ListQuarantinedAsync(int limit, int offset, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.ListQuarantinedAsync(limit, offset, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<LedgerEntry?> GetLedgerEntryAsync(string ledgerKey, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.GetLedgerEntryAsync(ledgerKey, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<byte[]?> GetRawMessageAsync(string ledgerKey, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.GetRawMessageAsync(ledgerKey, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(LedgerQuery query, CancellationToken cancellationToken) =>
        RunAsync(token => _queries.ListLedgerAsync(query, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<string?> GetCursorAsync(string source, CancellationToken cancellationToken) =>
        RunAsync(token => _state.GetCursorAsync(source, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveCursorAsync(string source, string cursor, DateTimeOffset savedAt, CancellationToken cancellationToken) =>
        RunAsync(token => _state.SaveCursorAsync(source, cursor, savedAt, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> TryAcquireAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(token => _state.TryAcquireAsync(resource, holder, duration, now, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string resource, string holder, CancellationToken cancellationToken) =>
        RunAsync(token => _state.ReleaseAsync(resource, holder, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxEntry>> PendingAsync(string sink, int max, CancellationToken cancellationToken) =>
        RunAsync(token => _state.PendingAsync(sink, max, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken) =>
        RunAsync(token => _state.MarkDeliveredAsync(sink, ids, deliveredAt, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> DepthAsync(string sink, CancellationToken cancellationToken) =>
        RunAsync(token => _state.DepthAsync(sink, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask RecordFailedPushAsync(string sink, IReadOnlyCollection<long> ids, string error, DateTimeOffset attemptedAt, CancellationToken cancellationToken) =>
        RunAsync(token => _state.RecordFailedPushAsync(sink, ids, error, attemptedAt, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<FailingOutboxSelection> SelectFailingOutboxAsync(int minAttempts, int limit, CancellationToken cancellationToken) =>
        RunAsync(token => _state.SelectFailingOutboxAsync(minAttempts, limit, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> RetryFailingOutboxAsync(int minAttempts, CancellationToken cancellationToken) =>
        RunAsync(token => _state.RetryFailingOutboxAsync(minAttempts, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask<GeocodeCacheHit?> GetAsync(string provider, string query, CancellationToken cancellationToken) =>
        RunAsync(token => _state.GetGeocodeAsync(provider, query, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask PutAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken) =>
        RunAsync(token => _state.PutGeocodeAsync(provider, query, point, at, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<OrderCorrection?> IOrderCorrections.AddAsync(long orderId, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                var correction = await _corrections.AddAsync(orderId, field, valueRead, valueSet, correctedBy, correctedAt, _outboxSinks, token).ConfigureAwait(false);
                await _list.RefreshAsync(orderId, token).ConfigureAwait(false);
                return correction;
            },
            cancellationToken);

    /// <inheritdoc />
    ValueTask<IReadOnlyList<OrderCorrection>> IOrderCorrections.ForAsync(long orderId, CancellationToken cancellationToken) =>
        RunAsync(token => _corrections.ForAsync(orderId, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<OrderCorrection> IOrderCorrections.AddToMessageAsync(string ledgerKey, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt, CancellationToken cancellationToken) =>
        RunAsync(token => _corrections.AddToMessageAsync(ledgerKey, field, valueRead, valueSet, correctedBy, correctedAt, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<IReadOnlyList<OrderCorrection>> IOrderCorrections.ForMessageAsync(string ledgerKey, CancellationToken cancellationToken) =>
        RunAsync(token => _corrections.ForMessageAsync(ledgerKey, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>>> IOrderCorrections.AllAsync(CancellationToken cancellationToken) =>
        RunAsync(_corrections.AllAsync, cancellationToken);

    /// <inheritdoc />
    ValueTask<bool> IOrderCorrections.SetStatusAsync(long orderId, OrderStatus status, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                var set = await _corrections.SetStatusAsync(orderId, status, changedBy, changedAt, token).ConfigureAwait(false);
                await _list.RefreshAsync(orderId, token).ConfigureAwait(false);
                return set;
            },
            cancellationToken);

    /// <inheritdoc />
    ValueTask<OrderReview> IOrderCorrections.StatusOfAsync(long orderId, CancellationToken cancellationToken) =>
        RunAsync(token => _corrections.StatusOfAsync(orderId, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<IReadOnlyDictionary<long, OrderReview>> IOrderCorrections.StatusesAsync(CancellationToken cancellationToken) =>
        RunAsync(_corrections.StatusesAsync, cancellationToken);

    /// <inheritdoc />
    ValueTask<bool> IUserAccounts.AddAsync(string name, string role, string passwordHash, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        RunAsync(token => _users.AddAsync(name, role, passwordHash, createdAt, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<UserAccount?> IUserAccounts.FindAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(token => _users.FindAsync(name, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<IReadOnlyList<UserAccount>> IUserAccounts.ListAsync(CancellationToken cancellationToken) =>
        RunAsync(_users.ListAsync, cancellationToken);

    /// <inheritdoc />
    ValueTask<bool> IUserAccounts.RemoveAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(token => _users.RemoveAsync(name, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<bool> IUserAccounts.SetRoleAsync(string name, string role, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        RunAsync(token => _users.SetRoleAsync(name, role, changedAt, token), cancellationToken);

    /// <inheritdoc />
    ValueTask<bool> IUserAccounts.SetPasswordHashAsync(string name, string passwordHash, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        RunAsync(token => _users.SetPasswordHashAsync(name, passwordHash, changedAt, token), cancellationToken);

    /// <summary>Closes the store (waiting for a call in progress on a serialised one).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the back-end's connections once; <paramref name="disposing"/> is false only from a finalizer (none here).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        if (_gate is null)
        {
            Close();
            return;
        }

        _gate.Wait();
        try
        {
            Close();
        }
        finally
        {
            _gate.Release();
        }

        void Close()
        {
            _disposed = true;
            _writer.Dispose();
            CloseConnections();
        }
    }

    /// <summary>Closes what the back-end opened (after the writer is disposed).</summary>
    private protected abstract void CloseConnections();

    /// <summary>Runs a read that is safe beside any other call (its own connection), still translating failures.</summary>
    private protected T RunUnserialized<T>(Func<T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Translate(work);
    }

    /// <summary>Runs a call as every member of this class does (closed-store check, the lock where the back-end serialises, error translation); for a back-end's own queries.</summary>
    private protected void Run(Action work) => Run(() =>
    {
        work();
        return true;
    });

    /// <inheritdoc cref="Run(Action)"/>
    private protected T Run<T>(Func<T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_gate is null)
        {
            return Translate(work);
        }

        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Translate(work);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <see cref="Run{T}(Func{T})"/> for the asynchronous ports: the same closed-store check, gate and translation, the
    /// gate taken with <see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/> so a caller waiting for SQLite's one
    /// connection holds no thread, and released in <c>finally</c> (a semaphore, not a lock, since the work awaits).
    /// When the gate is free and the work completes synchronously (SQLite), this completes synchronously too and the
    /// ValueTask allocates nothing.
    /// </summary>
    private protected async ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_gate is null)
        {
            return await TranslateAsync(work, cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await TranslateAsync(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc cref="RunAsync{T}(Func{CancellationToken, ValueTask{T}}, CancellationToken)"/>
    private protected async ValueTask RunAsync(Func<CancellationToken, ValueTask> work, CancellationToken cancellationToken) =>
        await RunAsync(
            async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    private async ValueTask<T> TranslateAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (_dialect.Failure(exception, Location) is { } failure)
        {
            throw failure;
        }
    }

    private T Translate<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception exception) when (_dialect.Failure(exception, Location) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The orders as the caller enumerates them, a failure met on the way translated as every other call's.</summary>
    private async IAsyncEnumerable<StoredOrder> TranslatedAsync(IAsyncEnumerable<StoredOrder> orders, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = orders.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                StoredOrder order;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    order = enumerator.Current;
                }
                catch (Exception exception) when (_dialect.Failure(exception, Location) is { } failure)
                {
                    throw failure;
                }

                yield return order;
            }
        }
    }
}
