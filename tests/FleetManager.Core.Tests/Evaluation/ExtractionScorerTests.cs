using FleetManager.Core.Evaluation;
using FleetManager.Core.Model;
using Xunit;

namespace FleetManager.Core.Tests.Evaluation;

public sealed class ExtractionScorerTests
{
    private static TransportOrder Order(string? reference, string loadingCity = "München", decimal? weight = 24000m) => new()
    {
        ReferenceNumber = reference,
        RequestType = RequestType.Booking,
        WeightKg = weight,
        Stops =
        [
            new Stop { Type = StopType.Loading, City = loadingCity, Country = "DE", Date = new DateOnly(2026, 12, 3) },
            new Stop { Type = StopType.Unloading, City = "Łódź", Country = "PL" },
        ],
    };

    private static EmailResult Result(Classification? classification, params TransportOrder[] orders) =>
        new() { MessageId = "<m@test>", Classification = classification, Orders = orders };

    [Fact]
    public void Add_IdenticalResults_PerfectScores()
    {
        var scorer = new ExtractionScorer();
        scorer.Add(Result(Classification.Order, Order("A-1")), Result(Classification.Order, Order("A-1")));

        var report = scorer.Report();

        Assert.Equal(1.0, report.ClassificationAccuracy);
        Assert.Equal(1.0, report.FieldPrecision);
        Assert.Equal(1.0, report.FieldRecall);
        Assert.Empty(report.Mismatches);
    }

    [Fact]
    public void Add_CityRules_FoldedContainedAndDiacriticsAgree()
    {
        var scorer = new ExtractionScorer();
        scorer.Add(Result(Classification.Order, Order("A", "Frankfurt am Main")), Result(Classification.Order, Order("a", "FRANKFURT")));
        scorer.Add(Result(Classification.Order, Order("B", "Łódź")), Result(Classification.Order, Order("B", "Lodz")));

        var city = scorer.Report().Fields.Single(f => f.Field == "loading.city");

        Assert.Equal(2, city.Correct);
    }

    [Fact]
    public void Add_NumbersWithinHalfPercent_Agree()
    {
        var scorer = new ExtractionScorer();
        scorer.Add(Result(Classification.Order, Order("A", weight: 24000m)), Result(Classification.Order, Order("A", weight: 24100m)));
        scorer.Add(Result(Classification.Order, Order("B", weight: 24000m)), Result(Classification.Order, Order("B", weight: 24200m)));

        Assert.Equal(1, scorer.Report().Fields.Single(f => f.Field == "weight_kg").Correct);
    }

    [Fact]
    public void Add_PredictedValueWhereNoneExpected_CountsAgainstPrecisionOnly()
    {
        var scorer = new ExtractionScorer();
        scorer.Add(Result(Classification.Order, Order("A", weight: null)), Result(Classification.Order, Order("A", weight: 5000m)));

        var weight = scorer.Report().Fields.Single(f => f.Field == "weight_kg");

        Assert.Equal((1, 0, 0), (weight.Predicted, weight.Expected, weight.Correct));
    }

    [Fact]
    public void Pair_ByReferenceThenByPosition()
    {
        var expected = new[] { Order("X-1"), Order("X-2"), Order(null) };
        var actual = new[] { Order("x 2"), Order(null), Order("X-1") };

        var pairs = ExtractionScorer.Pair(expected, actual);

        Assert.Equal(3, pairs.Count);
        Assert.Same(actual[2], pairs.Single(p => p.Expected == expected[0]).Actual);
        Assert.Same(actual[0], pairs.Single(p => p.Expected == expected[1]).Actual);
        Assert.Same(actual[1], pairs.Single(p => p.Expected == expected[2]).Actual);
    }

    [Fact]
    public void Add_WrongClassification_MissesEveryExpectedField()
    {
        var scorer = new ExtractionScorer();
        scorer.Add(Result(Classification.Order, Order("A")), Result(Classification.Other));

        var report = scorer.Report();

        Assert.Equal(0.0, report.ClassificationAccuracy);
        Assert.Equal(0.0, report.FieldRecall);
        Assert.Equal(0, report.OrdersPaired);
        Assert.Equal(0.0, report.OrderClassRecall);
    }
}
