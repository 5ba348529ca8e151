using System.Collections;
using FleetManager.Hosting;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class AppConfigurationTests
{
    [Fact]
    public void Build_LegacyVariables_SetTheirOptions()
    {
        var configuration = AppConfiguration.Build(
            new Hashtable
            {
                ["GEMINI_API_KEY"] = "g-key",
                ["GOOGLE_MAPS_API_KEY"] = "m-key",
                ["GOOGLE_SHEETS_SPREADSHEET_ID"] = "sheet-1",
                ["GOOGLE_SHEETS_RANGE_NAME"] = "Orders!A1",
                ["GMAIL_CREDENTIALS_FILE"] = "/secrets/credentials.json",
                ["DATA_DIR"] = "/data",
                ["LOG_LEVEL"] = "Debug",
            },
            Path.GetTempPath());

        Assert.Equal("g-key", configuration["Gemini:ApiKey"]);
        Assert.Equal("m-key", configuration["Geocoding:Google:ApiKey"]);
        Assert.Equal("sheet-1", configuration["Sheets:SpreadsheetId"]);
        Assert.Equal("Orders!A1", configuration["Sheets:Range"]);
        Assert.Equal("/secrets/credentials.json", configuration["Gmail:CredentialsFile"]);
        Assert.Equal("/data", configuration["DataDir"]);
        Assert.Equal("Debug", configuration["Logging:LogLevel:Default"]);
    }

    [Theory]
    [InlineData("INFO", "Information")]
    [InlineData("info", "Information")]
    [InlineData("WARN", "Warning")]
    [InlineData("FATAL", "Critical")]
    [InlineData("NOTSET", "Trace")]
    [InlineData("WARNING", "WARNING")]
    [InlineData("DEBUG", "DEBUG")]
    [InlineData("verbose", "verbose")]
    public void Build_LogLevelInThePythonToolsNames_BecomesTheDotNetLevel(string value, string expected)
    {
        var configuration = AppConfiguration.Build(new Hashtable { ["LOG_LEVEL"] = value }, Path.GetTempPath());

        Assert.Equal(expected, configuration["Logging:LogLevel:Default"]);
    }

    [Fact]
    public void Build_PrefixedVariable_WinsOverTheLegacyName()
    {
        var configuration = AppConfiguration.Build(
            new Hashtable { ["GEMINI_API_KEY"] = "legacy", ["FLEETMANAGER__GEMINI__APIKEY"] = "new", ["FLEETMANAGER__GEMINI__BASEURL"] = "http://127.0.0.1:9/" },
            Path.GetTempPath());

        Assert.Equal("new", configuration["Gemini:ApiKey"]);
        Assert.Equal("http://127.0.0.1:9/", configuration["Gemini:BaseUrl"]);
    }

    [Fact]
    public void Build_AppSettingsInWorkingDirectory_IsReadAndEnvironmentOverridesIt()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "appsettings.json"), """{ "Gemini": { "Model": "from-file", "BaseUrl": "http://file/" } }""");

        var configuration = AppConfiguration.Build(new Hashtable { ["FLEETMANAGER__GEMINI__BASEURL"] = "http://env/" }, directory.Path);

        Assert.Equal("from-file", configuration["Gemini:Model"]);
        Assert.Equal("http://env/", configuration["Gemini:BaseUrl"]);
    }

    [Fact]
    public void Build_ExplicitConfigFileMissing_ThrowsConfigurationErrorNamingTheFile()
    {
        var ex = Assert.Throws<ConfigurationFileException>(() => AppConfiguration.Build(new Hashtable { ["FLEETMANAGER_CONFIG"] = "/nonexistent/fm.json" }, Path.GetTempPath()));

        Assert.Equal(FleetManager.Core.Errors.ErrorCategory.Configuration, ex.Category);
        Assert.Contains("/nonexistent/fm.json", ex.Message, StringComparison.Ordinal);
    }
}
