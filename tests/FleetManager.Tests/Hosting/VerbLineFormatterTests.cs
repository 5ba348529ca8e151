using FleetManager.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class VerbLineFormatterTests
{
    [Theory]
    [InlineData(LogLevel.Warning, "warning: Gemini did not answer (HTTP 503): retry 1 of 4 in 2.1 s")]
    [InlineData(LogLevel.Error, "error: Gemini did not answer (HTTP 503): retry 1 of 4 in 2.1 s")]
    [InlineData(LogLevel.Information, "Gemini did not answer (HTTP 503): retry 1 of 4 in 2.1 s")]
    [InlineData(LogLevel.Debug, "debug: [FleetManager.Llm.ModelRequests] Gemini did not answer (HTTP 503): retry 1 of 4 in 2.1 s")]
    public void Write_ALine_InTheVerbsOwnWordsByLevel(LogLevel level, string expected)
    {
        Assert.Equal(expected + Environment.NewLine, Format(level, "Gemini did not answer (HTTP 503): retry 1 of 4 in 2.1 s", null));
    }

    [Fact]
    public void Write_WithAnException_OneLineWithItsTypeAndMessageNeverItsStack()
    {
        Exception exception;
        try
        {
            throw new HttpRequestException("Connection refused (127.0.0.1:9)");
        }
        catch (HttpRequestException ex)
        {
            exception = ex;
        }

        var line = Format(LogLevel.Warning, "Geocoding: google is unavailable\nthe gazetteer answers", exception);

        Assert.Equal("warning: Geocoding: google is unavailable the gazetteer answers (HttpRequestException: Connection refused (127.0.0.1:9))" + Environment.NewLine, line);
    }

    private static string Format(LogLevel level, string message, Exception? exception)
    {
        using var writer = new StringWriter();
        new VerbLineFormatter().Write(new LogEntry<string>(level, "FleetManager.Llm.ModelRequests", new EventId(2), message, exception, (m, _) => m), null, writer);
        return writer.ToString();
    }
}
