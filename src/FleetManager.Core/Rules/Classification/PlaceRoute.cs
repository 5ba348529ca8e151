using FleetManager.Core.Geo;
using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules.Classifying;

/// <summary>
/// Stop evidence that needs no vocabulary: two different places, each a postal code beside a city the offline
/// gazetteer knows, in the message's own text and away from contact details
/// (<see cref="PlaceStructureStopReader.HasRoute"/>). It stands in for the loading and unloading lines of a message
/// in a language that no vocabulary file has ("Ngarkimi: … 2001 Durrës", "Oplueden: … L-3372 Leudelange"), whose
/// labels the classifier cannot read; the extractor's backbone then reads the same places as the stops.
/// </summary>
internal static class PlaceRoute
{
    private static readonly PlaceStructureStopReader Reader = new(OfflineGazetteer.Shared);

    /// <summary>True when the body or an attachment of <paramref name="document"/> names such a route.</summary>
    public static bool In(RulesDocument document)
    {
        var lines = TextLine.Split(document.Text, document.BodyStart, document.Text.Length);
        // The date only completes year-less dates, which this does not read: the message's own keeps the memo shared
        // with the extractor's when the message has one.
        var date = DateOnly.FromDateTime((document.Email.Date ?? DateTimeOffset.UnixEpoch).Date);
        return Reader.HasRoute(lines, document.StopReading(date, OfflineGazetteer.Shared), document.AttachmentStarts);
    }
}
