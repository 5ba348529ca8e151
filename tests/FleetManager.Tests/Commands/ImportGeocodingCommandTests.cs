using System.Text;
using FleetManager.StandIns.GoogleGeocoding;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>import</c> with <c>Geocoding:Provider=google</c>: stops get Google's coordinates, kept in the order book so no address is asked twice.</summary>
public sealed class ImportGeocodingCommandTests : IAsyncLifetime, IDisposable
{
    // A point no gazetteer entry has: a stop carrying it was geocoded by the stand-in.
    private const double AugsburgLatitude = 11.111;

    private readonly TempDirectory _temp = new();
    private readonly GoogleGeocodingStandIn _google = new();

    public Task InitializeAsync() => _google.StartAsync();

    public async Task DisposeAsync() => await _google.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Import_GoogleProvider_StopsGetItsCoordinatesAndASecondImportAsksNothingAgain()
    {
        _google.Add("Augsburg", AugsburgLatitude, 10.9);
        var db = _temp.File("book.db");
        var first = Directory.CreateDirectory(_temp.File("first")).FullName;
        SampleMessages.CopyTo(first, 15);

        var result = await CliProcess.RunAsync(Environment(), "import", first, "--db", db, "-q");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal(1, Scalar(db, $"SELECT count(*) FROM stops WHERE city LIKE 'Augsburg%' AND latitude = {AugsburgLatitude}"));
        Assert.True(Scalar(db, "SELECT count(*) FROM geocode_cache WHERE provider = 'google'") > 0);
        // Stops the stand-in does not know fall back to the offline gazetteer rather than staying empty.
        Assert.True(Scalar(db, "SELECT count(*) FROM stops WHERE latitude IS NOT NULL AND latitude <> " + AugsburgLatitude) > 0);
        var requests = _google.Requests.Count;
        Assert.True(requests > 0);

        // The same messages again under new Message-IDs: new orders, the same addresses, no new lookup.
        var second = Directory.CreateDirectory(_temp.File("second")).FullName;
        foreach (var file in Directory.GetFiles(first, "*.eml"))
        {
            var text = File.ReadAllText(file, Encoding.Latin1).Replace("Message-ID: <", "Message-ID: <again.", StringComparison.OrdinalIgnoreCase);
            File.WriteAllText(Path.Combine(second, Path.GetFileName(file)), text, Encoding.Latin1);
        }

        var again = await CliProcess.RunAsync(Environment(), "import", second, "--db", db, "-q");

        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.Equal(2, Scalar(db, $"SELECT count(*) FROM stops WHERE city LIKE 'Augsburg%' AND latitude = {AugsburgLatitude}"));
        Assert.Equal(requests, _google.Requests.Count);
    }

    [Fact]
    public async Task Import_GoogleProviderWithoutKey_ExitsConfigurationAndCreatesNoOrderBook()
    {
        var environment = Environment();
        environment.Remove("GOOGLE_MAPS_API_KEY");
        var db = _temp.File("book.db");

        var result = await CliProcess.RunAsync(environment, "import", RepoPaths.Samples, "--db", db, "-q");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("GOOGLE_MAPS_API_KEY", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["FLEETMANAGER__GEOCODING__PROVIDER"] = "google",
        ["GOOGLE_MAPS_API_KEY"] = GoogleGeocodingStandIn.DefaultApiKey,
        ["FLEETMANAGER__GEOCODING__GOOGLE__BASEURL"] = _google.BaseAddress.AbsoluteUri,
    };

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
