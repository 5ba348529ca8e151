using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The places (<see cref="PostalPlaceParser.FindAll"/>) of the lines of one document, remembered on
/// the current thread for the document last read there. The segmenter looks for route one-liners in
/// every body line and the stop extractor reads the same lines again right after, so sharing the
/// answers halves the costliest part of both. <see cref="PostalPlaceParser.FindAll"/> is a pure
/// function of the line, so this changes nothing but the CPU. The lists handed out are shared:
/// callers must not change them. One instance per document (<see cref="RulesDocument.Places"/>):
/// no state on the thread, so nothing is kept after the message.
/// </summary>
internal sealed class DocumentPlaces
{
    private readonly Dictionary<string, List<PostalPlace>> _places = new(StringComparer.Ordinal);

    public DocumentPlaces(RulesDocument document) => Document = document;

    public RulesDocument Document { get; }

    /// <summary>The memo of <paramref name="document"/> (the one it carries).</summary>
    public static DocumentPlaces Of(RulesDocument document) => document.Places;

    /// <summary>The answer for every line without a digit (shared, like every list handed out here).</summary>
    private static readonly List<PostalPlace> NoPlaces = [];

    /// <summary><see cref="PostalPlaceParser.FindAll"/> of <paramref name="line"/>.</summary>
    public List<PostalPlace> Places(string line)
    {
        // FindAll needs a postal code, so a line without a digit (most prose) has no place: answered
        // without hashing the line into the memos.
        if (!TextScan.HasDigit(line))
        {
            return NoPlaces;
        }

        if (!_places.TryGetValue(line, out var places))
        {
            places = PostalPlaceParser.FindAll(line);
            _places[line] = places;
        }

        return places;
    }
}
