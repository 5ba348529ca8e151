using FleetManager.Core.Model;

namespace FleetManager.Storage.Tests;

/// <summary>The store writes and reads the spec's names (SpecVocabulary), so its columns read like the JSON.</summary>
public sealed class SpecTextTests
{
    [Fact]
    public void OfAndParse_EveryVocabularyValue_RoundTripsThroughTheSpecName()
    {
        Assert.All(Enum.GetValues<Classification>(), v => Assert.Equal(v, SpecText.ParseClassification(SpecVocabulary.Classifications.Of(v))));
        Assert.All(Enum.GetValues<RequestType>(), v => Assert.Equal(v, SpecText.ParseRequestType(SpecText.Of(v))));
        Assert.All(Enum.GetValues<VehicleType>(), v => Assert.Equal(v, SpecText.ParseVehicleType(SpecText.Of(v))));
        Assert.Equal(SpecVocabulary.StopTypes.Names, Enum.GetValues<StopType>().Select(SpecText.Of));
        Assert.Equal("quote_request", SpecText.Of(RequestType.QuoteRequest));
    }

    [Fact]
    public void ParseVehicleType_NameNotInTheSpec_FailsWithTheColumnsMeaning()
    {
        var error = Assert.Throws<FormatException>(() => SpecText.ParseVehicleType("Tautliner"));

        Assert.Contains("vehicle type", error.Message, StringComparison.Ordinal);
    }
}
