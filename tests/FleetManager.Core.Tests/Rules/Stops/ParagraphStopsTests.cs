using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Rules.Stops;

/// <summary>Both stops in one paragraph of prose: each sentence is read as a line of its own.</summary>
public sealed class ParagraphStopsTests
{
    private static readonly DateTimeOffset Sent = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Extract_LoadingAndDeliverySentencesInOneParagraph_EachStopFromItsSentence()
    {
        var stops = RulesTestDocuments.Stops("""
            Hej,

            Læsning er tirsdag den 9. februar fra kl. 13 hos Dansk Pålæg A/S, Vejlevej 135, 8700 Horsens. Levering dagen efter, onsdag den 10. februar, senest kl. 06:00 hos Hanse Frischelogistik GmbH, Billbrookdeich 160, 22113 Hamburg, Tyskland.

            Venlig hilsen
            """, Sent);

        Assert.Equal([StopType.Loading, StopType.Unloading], stops.Select(s => s.Type));
        Assert.Equal(("8700", "Horsens", new DateOnly(2027, 2, 9)), (stops[0].PostalCode, stops[0].City, stops[0].Date));
        Assert.Equal(("22113", "Hamburg", new DateOnly(2027, 2, 10)), (stops[1].PostalCode, stops[1].City, stops[1].Date));
    }

    [Fact]
    public void Extract_RouteInOneSentence_StillOneLine()
    {
        // "kl." and the day's "9." end no sentence; a route one-liner keeps both ends together.
        var stops = RulesTestDocuments.Stops("""
            Tour am Di. 9. Februar ab kl. 13 Uhr: DE-85386 Eching -> PL-02-672 Warszawa, 24 Paletten, bitte bis Montag bestätigen.
            """, Sent);

        Assert.Equal(["Eching", "Warszawa"], stops.Select(s => s.City));
    }
}
