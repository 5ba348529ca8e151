using FleetManager.Core.Errors;
using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class LogLevelSettingTests
{
    [Theory]
    [InlineData("Trace")]
    [InlineData("debug")]
    [InlineData("Information")]
    [InlineData("WARNING")]
    [InlineData("Error")]
    [InlineData("CRITICAL")]
    [InlineData("None")]
    [InlineData(" Warning ")]
    public void Validate_EveryLevelNameInAnyCase_IsAccepted(string level)
    {
        LogLevelSetting.Validate(Settings(("Logging:LogLevel:Default", level)));
    }

    [Theory]
    [InlineData("verbose")]
    [InlineData("INFO")] // only LOG_LEVEL maps the Python tool's names; the settings file takes .NET's
    [InlineData("3")]
    [InlineData("")]
    public void Validate_DefaultIsNoLevel_NamesTheSettingAndLOG_LEVEL(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => LogLevelSetting.Validate(Settings(("Logging:LogLevel:Default", value))));

        Assert.Equal($"Logging:LogLevel:Default (LOG_LEVEL) is '{value}', which is not a log level.", error.Message);
        Assert.StartsWith("Set it to Trace, Debug, Information, Warning, Error, Critical or None", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CategoryIsNoLevel_NamesTheCategorysSetting()
    {
        var error = Assert.Throws<ConfigurationException>(() => LogLevelSetting.Validate(Settings(
            ("Logging:LogLevel:Default", "Information"),
            ("Logging:LogLevel:FleetManager.Llm", "loud"))));

        Assert.Equal("Logging:LogLevel:FleetManager.Llm is 'loud', which is not a log level.", error.Message);
    }

    [Fact]
    public void Validate_NoLoggingSection_IsAccepted()
    {
        LogLevelSetting.Validate(Settings());
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
