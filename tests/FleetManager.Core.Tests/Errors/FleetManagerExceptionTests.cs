using FleetManager.Core.Errors;
using Xunit;

namespace FleetManager.Core.Tests.Errors;

public sealed class FleetManagerExceptionTests
{
    [Fact]
    public void OneLine_MessageWithoutAFullStop_EndsTheSentenceBeforeTheFix()
    {
        var error = new ConfigurationException("Order book 'x.db' cannot be used: it does not exist", "Run 'fleetmanager import PATH' first.");

        Assert.Equal("Order book 'x.db' cannot be used: it does not exist. Run 'fleetmanager import PATH' first.", error.OneLine);
    }

    [Theory]
    [InlineData("The port is busy.")]
    [InlineData("Is the server up?")]
    [InlineData("Two settings conflict:")]
    public void OneLine_MessageEndingASentence_AddsOnlyASpace(string message)
    {
        Assert.Equal(message + " Free it.", new ConfigurationException(message + "  ", "Free it.").OneLine);
    }

    [Theory]
    [InlineData("Gemini could not be reached: Connection refused (127.0.0.1:9)")]
    [InlineData("Gemini could not be reached.")]
    public void OneLine_FixWrittenInLowerCase_StartsItsSentenceWithACapital(string message)
    {
        var error = new ServiceUnavailableException(message, "check the network and BaseUrl, then run again");

        Assert.EndsWith(". Check the network and BaseUrl, then run again", error.OneLine, StringComparison.Ordinal);
    }

    [Fact]
    public void OneLine_MessageEndingWithAColon_GoesOnWithTheFixAsWritten()
    {
        Assert.Equal("Do one of these: set GEMINI_API_KEY", new ConfigurationException("Do one of these:", "set GEMINI_API_KEY").OneLine);
    }

    [Fact]
    public void OneLine_FixAlreadyInTheMessage_IsNotRepeated()
    {
        var error = new ConfigurationException("Set GEMINI_API_KEY\nor use --reader rules", "Set GEMINI_API_KEY");

        Assert.Equal("Set GEMINI_API_KEY or use --reader rules", error.OneLine);
    }
}
