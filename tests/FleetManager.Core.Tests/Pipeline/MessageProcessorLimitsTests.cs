using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static FleetManager.Core.Tests.Pipeline.FakePipeline;

namespace FleetManager.Core.Tests.Pipeline;

/// <summary>Issue 12: the per-message time limit stops the work, and quarantine reasons leave the processor without secrets.</summary>
public sealed class MessageProcessorLimitsTests
{
    [Fact]
    public async Task ProcessSafelyAsync_ParsingPastTheTimeout_TheParserIsCancelled()
    {
        var time = new FakeTimeProvider();
        var parser = new ParserThatRunsUntilCancelled();
        var processor = new MessageProcessor(parser, new KeywordReader(), null, time) { MessageTimeout = TimeSpan.FromSeconds(30) };

        var pending = processor.ProcessSafelyAsync(Message("a"), CancellationToken.None);
        Assert.True(parser.Started.Wait(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(31));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsQuarantined);
        Assert.Contains("MessageTimeout", result.Result.Error);
        Assert.True(parser.Stopped.Wait(TimeSpan.FromSeconds(10)), "the parser's token was never cancelled: the work ran on");
    }

    [Fact]
    public async Task ProcessSafelyAsync_ReasonQuotingASecret_SecretMasked()
    {
        var processor = new MessageProcessor(new ParserFailingWith("upstream said: key=CANARY-SECRET-123 invalid"), new KeywordReader(), null)
        {
            Redact = new FleetManager.Core.Errors.SecretRedactor(["CANARY-SECRET-123"]).Redact,
        };

        var result = await processor.ProcessSafelyAsync(Message("a"), CancellationToken.None);

        Assert.Equal("upstream said: key=*** invalid", result.Result.Error);
    }

    private sealed class ParserThatRunsUntilCancelled : IEmailParser
    {
        public ManualResetEventSlim Started { get; } = new();

        public ManualResetEventSlim Stopped { get; } = new();

        public Email Parse(RawMessage message) => throw new InvalidOperationException("the token-taking overload must be called");

        public Email Parse(RawMessage message, CancellationToken cancellationToken)
        {
            Started.Set();
            try
            {
                // A long decompression: it checks the token between chunks.
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(5);
                }
            }
            finally
            {
                Stopped.Set();
            }
        }
    }

    private sealed class ParserFailingWith(string reason) : IEmailParser
    {
        public Email Parse(RawMessage message) => throw new MessageQuarantinedException(reason);
    }
}
