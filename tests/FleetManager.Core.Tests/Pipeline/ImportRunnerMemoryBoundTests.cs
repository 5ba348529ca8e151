using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Xunit;
using static FleetManager.Core.Tests.Pipeline.FakePipeline;

namespace FleetManager.Core.Tests.Pipeline;

/// <summary>Issue 12 §3: the messages in flight are bounded by their bytes as well as by their count.</summary>
public sealed class ImportRunnerMemoryBoundTests
{
    [Fact]
    public async Task RunAsync_LargeMessages_NoMoreBytesInFlightThanTheBudget()
    {
        const int size = 1024 * 1024;

        // Enough pool threads that only the budget, not a 2-core pool's slow growth, limits concurrency.
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), ports);
        var messages = Enumerable.Range(0, 12).Select(i => BigMessage(i, size)).ToArray();
        var parser = new ConcurrencyCountingParser();
        var runner = new ImportRunner(new MessageProcessor(parser, new KeywordReader(), null), new MemoryOrderBook(), TimeProvider.System)
        {
            MaxInFlight = 16,
            MaxInFlightBytes = 2L * size + 1000,
        };

        var summary = await runner.RunAsync(new ListSource(messages), null, CancellationToken.None);

        Assert.Equal(12, summary.MessagesRead);
        Assert.InRange(parser.MaxConcurrent, 1, 2);
    }

    [Fact]
    public async Task RunAsync_MessageLargerThanTheWholeBudget_StillReadAlone()
    {
        var runner = new ImportRunner(new MessageProcessor(new SubjectParser(), new KeywordReader(), null), new MemoryOrderBook(), TimeProvider.System)
        {
            MaxInFlightBytes = 10,
        };

        var summary = await runner.RunAsync(new ListSource(BigMessage(1, 5000), BigMessage(2, 5000)), null, CancellationToken.None);

        Assert.Equal(2, summary.MessagesRead);
    }

    private static RawMessage BigMessage(int id, int size)
    {
        var header = $"Message-ID: <{id}@test>\nSubject: order\n\n";
        var text = header + new string('x', size - header.Length);
        return new RawMessage("mem:" + id, System.Text.Encoding.ASCII.GetBytes(text));
    }

    private sealed class ConcurrencyCountingParser : IEmailParser
    {
        private int _current;
        private int _max;

        public int MaxConcurrent => Volatile.Read(ref _max);

        public Email Parse(RawMessage message)
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while ((seen = Volatile.Read(ref _max)) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            // Long enough for the producer to start every message the budget allows.
            Thread.Sleep(50);
            Interlocked.Decrement(ref _current);
            var id = MessageIdentity.FindMessageIdHeader(message.Bytes.Span);
            return new Email { MessageId = id!, Subject = "order", Body = "order" };
        }
    }
}
