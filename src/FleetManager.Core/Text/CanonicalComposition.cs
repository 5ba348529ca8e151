namespace FleetManager.Core.Text;

/// <summary>
/// Unicode NFC without ICU: the published executable runs in globalization-invariant mode, where
/// <c>string.Normalize(NormalizationForm.FormC)</c> returns its input unchanged.
/// </summary>
public static class CanonicalComposition
{
    /// <summary>
    /// NFC of <paramref name="text"/> as ICU gives it for precomposed text and for base letters followed by their
    /// marks in canonical order ("Lo\u0301dz" → "Lódz"); see <see cref="UnicodeTables.ComposeCanonical"/>.
    /// </summary>
    public static string Compose(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UnicodeTables.ComposeCanonical(text);
    }
}
