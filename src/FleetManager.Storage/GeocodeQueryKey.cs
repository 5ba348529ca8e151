using System.Text;
using FleetManager.Core.Text;

namespace FleetManager.Storage;

/// <summary>
/// The geocode cache's key for a query: Unicode NFC, white space collapsed to one space, trimmed,
/// lower case (invariant). Diacritics are kept: "Łódź" and "Lodz" are asked separately, since a
/// provider may answer them differently.
/// </summary>
internal static class GeocodeQueryKey
{
    public static string Normalise(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Not string.Normalize: it does nothing in the executable's globalization-invariant mode.
        var text = CanonicalComposition.Compose(query);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
