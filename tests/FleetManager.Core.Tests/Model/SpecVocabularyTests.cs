using System.Text.RegularExpressions;
using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Model;

/// <summary>The vocabularies named on the enums are exactly those order-format.md lists.</summary>
public sealed partial class SpecVocabularyTests
{
    [Theory]
    [InlineData("- `classification`: one of", "classification")]
    [InlineData("| `request_type` |", "request_type")]
    [InlineData("| `stops` |", "stops type")]
    [InlineData("| `vehicle_type` |", "vehicle_type null")]
    public void Names_EachVocabulary_AreTheSpecsList(string specLine, string notValues)
    {
        var line = File.ReadLines(SpecPath).Single(l => l.StartsWith(specLine, StringComparison.Ordinal));
        var listed = Backticked().Matches(line).Select(m => m.Groups[1].Value).Except(notValues.Split(' ')).ToHashSet(StringComparer.Ordinal);

        var names = specLine switch
        {
            "- `classification`: one of" => SpecVocabulary.Classifications.Names,
            "| `request_type` |" => SpecVocabulary.RequestTypes.Names,
            "| `stops` |" => SpecVocabulary.StopTypes.Names,
            _ => SpecVocabulary.VehicleTypes.Names,
        };

        Assert.Equal(listed.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Currencies_AreThePriceRowsCodesInTheSpecsOrder()
    {
        var line = File.ReadLines(SpecPath).Single(l => l.StartsWith("| `price` |", StringComparison.Ordinal));

        var listed = IsoCode().Matches(line).Select(m => m.Groups[1].Value);

        Assert.Equal(listed, SpecVocabulary.Currencies);
    }

    [Fact]
    public void Find_EveryName_RoundTripsAndUnknownIsNull()
    {
        Assert.All(Enum.GetValues<VehicleType>(), v => Assert.Equal(v, SpecVocabulary.VehicleTypes.Find(SpecVocabulary.VehicleTypes.Of(v))));
        Assert.Equal(RequestType.QuoteRequest, SpecVocabulary.RequestTypes.Find("quote_request"));
        Assert.Null(SpecVocabulary.RequestTypes.Find("QuoteRequest"));
        Assert.Null(SpecVocabulary.Classifications.Find(null));
    }

    private static string SpecPath => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(RepositoryPaths.DevCorpus)!)!, "spec", "order-format.md");

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("`([A-Z]{3})`")]
    private static partial Regex IsoCode();
}
