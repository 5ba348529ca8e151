using System.Net;
using FleetManager.Llm.Http;
using Polly;
using Polly.Timeout;

namespace FleetManager.Llm.Tests.Http;

/// <summary>The retry line's words for what went wrong and how long the wait is: short, and nothing from a URL or a body.</summary>
public sealed class ModelResilienceTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)"), "could not connect" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (gemini.example:443)"), "host name not found" },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established"), "TLS connection failed" },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely"), "connection lost before the answer" },
        { new IOException("Unable to read data from the transport connection"), "connection lost before the answer" },
        { new TimeoutRejectedException(), "no answer within 2 min" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void FailureOf_AnException_SaysWhatKindWithoutItsMessage(Exception exception, string expected)
    {
        Assert.Equal(expected, ModelResilience.FailureOf(Outcome.FromException<HttpResponseMessage>(exception), TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void FailureOf_AnAnswer_IsItsStatusCode()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{\"error\":{\"message\":\"key=secret\"}}") };

        Assert.Equal("HTTP 503", ModelResilience.FailureOf(Outcome.FromResult(response), TimeSpan.FromMinutes(2)));
    }

    [Theory]
    [InlineData(10, "10 ms")]
    [InlineData(999, "999 ms")]
    [InlineData(4_240, "4.2 s")]
    [InlineData(59_000, "59 s")]
    [InlineData(90_000, "1.5 min")]
    public void Duration_IsInTheUnitPeopleRead(int milliseconds, string expected)
    {
        Assert.Equal(expected, ModelResilience.Duration(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
