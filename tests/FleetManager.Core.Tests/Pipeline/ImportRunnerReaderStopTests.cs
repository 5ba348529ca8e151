using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Xunit;
using static FleetManager.Core.Tests.Pipeline.FakePipeline;

namespace FleetManager.Core.Tests.Pipeline;

/// <summary>A reader that becomes unavailable (a model's daily quota) stops the import cleanly instead of quarantining the rest.</summary>
public sealed class ImportRunnerReaderStopTests
{
    [Fact]
    public async Task RunAsync_QuotaSpentAtOneMessage_CommitsThePrefixStopsAndQuarantinesNothing()
    {
        var book = new MemoryOrderBook();
        var reader = new QuotaReader(quotaAfter: 5);
        var runner = new ImportRunner(new MessageProcessor(new SubjectParser(), reader, null), book, TimeProvider.System);
        var messages = Enumerable.Range(0, 20).Select(i => Message($"m{i}", "order")).ToArray();

        var summary = await runner.RunAsync(new ListSource(messages), null, CancellationToken.None);

        var stopped = Assert.IsType<ModelQuotaExhaustedException>(summary.StoppedBy);
        Assert.Equal(QuotaReader.Reset, stopped.ResumeAt);
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(messages.Take(5).Select(m => m.SourceKey), book.Committed.Select(c => c.Raw.SourceKey));
        Assert.Equal(new ModelUsage(5, 5000, 500), summary.Usage);
    }

    [Fact]
    public async Task RunAsync_SecondRunAfterTheReset_ReadsOnlyWhatWasLeft()
    {
        var book = new MemoryOrderBook();
        var messages = Enumerable.Range(0, 12).Select(i => Message($"m{i}", "order")).ToArray();
        await new ImportRunner(new MessageProcessor(new SubjectParser(), new QuotaReader(quotaAfter: 4), null), book, TimeProvider.System)
            .RunAsync(new ListSource(messages), null, CancellationToken.None);
        var committedFirst = book.Committed.Count;

        var second = await new ImportRunner(new MessageProcessor(new SubjectParser(), new QuotaReader(quotaAfter: 100), null), book, TimeProvider.System)
            .RunAsync(new ListSource(messages), null, CancellationToken.None);

        Assert.Null(second.StoppedBy);
        Assert.Equal(committedFirst, second.SkippedAlreadyProcessed);
        Assert.Equal(messages.Select(m => m.SourceKey), book.Committed.Select(c => c.Raw.SourceKey));
    }

    [Fact]
    public async Task RunAsync_ConfigurationFailureAtOneMessage_CommitsThePrefixStopsAndQuarantinesNothing()
    {
        var book = new MemoryOrderBook();
        var runner = new ImportRunner(new MessageProcessor(new SubjectParser(), new FailingReader(3, () => new FleetManager.Core.Errors.ConfigurationException("the geocoding key was rejected", "check GOOGLE_MAPS_API_KEY")), null), book, TimeProvider.System);
        var messages = Enumerable.Range(0, 10).Select(i => Message($"m{i}", "order")).ToArray();

        var summary = await runner.RunAsync(new ListSource(messages), null, CancellationToken.None);

        var stopped = Assert.IsType<FleetManager.Core.Errors.ConfigurationException>(summary.StoppedBy);
        Assert.Equal(FleetManager.Core.Errors.ErrorCategory.Configuration, stopped.Category);
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(messages.Take(3).Select(m => m.SourceKey), book.Committed.Select(c => c.Raw.SourceKey));
    }

    [Fact]
    public async Task RunAsync_ABugInTheReaderForOneMessage_QuarantinesItAndCarriesOn()
    {
        var book = new MemoryOrderBook();
        var runner = new ImportRunner(new MessageProcessor(new SubjectParser(), new FailingReader(3, () => new InvalidOperationException("a bug"), onlyThatOne: true), null), book, TimeProvider.System);
        var messages = Enumerable.Range(0, 6).Select(i => Message($"m{i}", "order")).ToArray();

        var summary = await runner.RunAsync(new ListSource(messages), null, CancellationToken.None);

        Assert.Null(summary.StoppedBy);
        Assert.Equal(1, summary.Quarantined);
        Assert.Equal(6, book.Committed.Count);
    }

    /// <summary>Throws <paramref name="failure"/> for message m(from) and later (or only that one).</summary>
    private sealed class FailingReader(int from, Func<Exception> failure, bool onlyThatOne = false) : IOrderReader
    {
        public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
        {
            var index = int.Parse(email.MessageId.AsSpan(2, email.MessageId.IndexOf('@', StringComparison.Ordinal) - 2), System.Globalization.CultureInfo.InvariantCulture);
            if (onlyThatOne ? index == from : index >= from)
            {
                throw failure();
            }

            return ValueTask.FromResult(new EmailResult { MessageId = email.MessageId, Classification = Classification.Other });
        }
    }

    /// <summary>
    /// Answers messages m0 .. m(quotaAfter-1) (1000 input + 100 output tokens each) and reports the
    /// day's quota spent for the later ones; decided by the message, not the call order, since
    /// messages are read in parallel.
    /// </summary>
    private sealed class QuotaReader(int quotaAfter) : IOrderReader
    {
        public static readonly DateTimeOffset Reset = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

        public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
        {
            var index = int.Parse(email.MessageId.AsSpan(2, email.MessageId.IndexOf('@', StringComparison.Ordinal) - 2), System.Globalization.CultureInfo.InvariantCulture);
            if (index >= quotaAfter)
            {
                throw new ModelQuotaExhaustedException("daily quota spent", Reset, "GenerateRequestsPerDayPerProjectPerModel-FreeTier");
            }

            return ValueTask.FromResult(new EmailResult { MessageId = email.MessageId, Classification = Classification.Other, Usage = new ModelUsage(1, 1000, 100) });
        }
    }
}
