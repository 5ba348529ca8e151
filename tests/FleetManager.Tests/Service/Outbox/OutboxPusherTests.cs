using System.Text;
using FleetManager.Core.Diagnostics;
using FleetManager.Core.Errors;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Service;
using FleetManager.Service.Outbox;
using FleetManager.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FleetManager.Tests.Service.Outbox;

/// <summary>The service's push of the outbox, against a real SQLite order book and a sink that fails part-way.</summary>
public sealed class OutboxPusherTests : IDisposable
{
    private const string Secret = "ya29.sheets-access-token-value";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("fm-pusher-").FullName;

    [Fact]
    public async Task PushAllAsync_SinkFailsOnTheBatchWithABadRowTwice_RecordsTheRedactedFailuresAgainstThatBatchOnly()
    {
        using var store = await OpenWithOrdersAsync(5);
        var ids = (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id).ToList();
        var sink = new PoisonedRowSink(store) { PoisonedRow = ids[2] };
        var time = new FakeTimeProvider(Now);
        using var services = new ServiceCollection().AddMetrics().AddSingleton<IOutbox>(store).AddSingleton<IOutboxFailureLog>(store).BuildServiceProvider();
        using var pusher = new OutboxPusher([sink], services, new ServiceState(time), new FleetManagerMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            new SecretRedactor([Secret]), time, NullLogger<OutboxPusher>.Instance);

        Assert.Equal(FailureKind.Transient, await pusher.PushAllAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(5));
        await pusher.PushAllAsync(CancellationToken.None);

        // The first batch was delivered; the second (rows 3 and 4) failed twice; row 5 was never tried.
        var failing = await store.SelectFailingOutboxAsync(1, 10, CancellationToken.None);
        Assert.Equal(ids[2..4], failing.Rows.Select(r => r.Id).Order());
        Assert.All(failing.Rows, row =>
        {
            Assert.Equal(2, row.Attempts);
            Assert.Equal(Now.AddMinutes(5), row.LastAttemptAt);
            Assert.Contains("503", row.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, row.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(ids[2..], (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task PushAllAsync_SinkDelivers_RecordsNoFailure()
    {
        using var store = await OpenWithOrdersAsync(3);
        var sink = new PoisonedRowSink(store);
        var time = new FakeTimeProvider(Now);
        using var services = new ServiceCollection().AddMetrics().AddSingleton<IOutbox>(store).AddSingleton<IOutboxFailureLog>(store).BuildServiceProvider();
        using var pusher = new OutboxPusher([sink], services, new ServiceState(time), new FleetManagerMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            SecretRedactor.None, time, NullLogger<OutboxPusher>.Instance);

        Assert.Null(await pusher.PushAllAsync(CancellationToken.None));

        Assert.Equal(0, (await store.SelectFailingOutboxAsync(1, 10, CancellationToken.None)).Total);
        Assert.Empty(await store.PendingAsync("sheets", 10, CancellationToken.None));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<IOrderStore> OpenWithOrdersAsync(int count)
    {
        var options = new OrderStoreOptions { ConnectionString = Path.Combine(_directory, "fleetmanager.db") };
        options.OutboxSinks.Add("sheets");
        var store = OrderStoreFactory.Open(options);
        var message = new StoredMessage(
            LedgerKey: "push-1", SourceKey: "folder:/mail/push-1.eml", MessageId: "<push-1@mail.example>", Subject: "Auftrag",
            From: "p.maier@alpenland.example", Date: Now, Raw: Encoding.UTF8.GetBytes("Subject: test\r\n\r\nbody"), ProcessedAt: Now);
        var orders = Enumerable.Range(1, count).Select(i => new TransportOrder { ReferenceNumber = "P-" + i }).ToList();
        await store.CommitAsync(message, new EmailResult { MessageId = message.MessageId, Classification = Classification.Order, Orders = orders }, CancellationToken.None);
        return store;
    }

    /// <summary>Takes the outbox two rows at a time as the Sheets sink does, and fails with an outage on the batch holding one row.</summary>
    private sealed class PoisonedRowSink(IOutbox outbox) : IOutboxSink
    {
        public long? PoisonedRow { get; init; }

        public string Name => "sheets";

        public int BatchSize => 2;

        public async Task<int> PushAsync(CancellationToken cancellationToken)
        {
            var delivered = 0;
            while (true)
            {
                var pending = await outbox.PendingAsync(Name, BatchSize, cancellationToken);
                if (pending.Count == 0)
                {
                    return delivered;
                }

                if (pending.Any(e => e.Id == PoisonedRow))
                {
                    throw new HttpRequestException($"Sheets answered 503 (Bearer {Secret})", null, System.Net.HttpStatusCode.ServiceUnavailable);
                }

                await outbox.MarkDeliveredAsync(Name, [.. pending.Select(e => e.Id)], Now, cancellationToken);
                delivered += pending.Count;
            }
        }
    }
}
