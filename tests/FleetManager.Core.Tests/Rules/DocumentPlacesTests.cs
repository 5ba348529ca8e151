using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class DocumentPlacesTests
{
    private const string TwoRoutes = """
        Angebot 1: DE-85386 Eching -> PL-02-672 Warszawa
        Angebot 2: DE-93047 Regensburg -> CZ-326 00 Plzeň
        """;

    [Theory]
    [InlineData("Hauptstraße 4, D-93047 Regensburg")]
    [InlineData("Eine sehr lange Zeile mit einer Adresse am Ende, damit sie über vierundsechzig Zeichen hat: Dieselstraße 9, DE-85386 Eching")]
    [InlineData("Unit 4 Canal Park, Telford TF7 4QT")]
    [InlineData("Bitte bestätigen Sie den Auftrag.")]
    public void Places_AnyLine_SameAsParserAndReadOnce(string line)
    {
        var places = DocumentPlaces.Of(RulesTestDocuments.From(line));

        var first = places.Places(line);

        Assert.Equal(PostalPlaceParser.FindAll(line), first);
        Assert.Same(first, places.Places(new string(line.AsSpan())));
    }

    [Fact]
    public void Of_SameDocument_SameMemoAndNewDocumentNewMemo()
    {
        var document = RulesTestDocuments.From(TwoRoutes);
        var memo = DocumentPlaces.Of(document);

        Assert.Same(memo, DocumentPlaces.Of(document));
        Assert.NotSame(memo, DocumentPlaces.Of(RulesTestDocuments.From(TwoRoutes)));
    }

    [Fact]
    public void Extract_AfterSplitOfTheSameDocument_SameStopsAsWithoutSplit()
    {
        var document = RulesTestDocuments.From(TwoRoutes);
        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        foreach (var block in blocks)
        {
            var afterSplit = new StopExtractor().Extract(document, block, new Dictionary<string, TextSpan>());
            var fresh = RulesTestDocuments.From(TwoRoutes);
            var alone = new StopExtractor().Extract(fresh, block, new Dictionary<string, TextSpan>());

            Assert.Equal(alone.Select(s => (s.Type, s.PostalCode, s.City, s.Country)), afterSplit.Select(s => (s.Type, s.PostalCode, s.City, s.Country)));
            Assert.Equal(2, afterSplit.Count);
        }
    }
}
