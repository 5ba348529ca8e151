using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// A field label about billing ("Rechnungsadresse:", "Invoice address:", "Adres do faktury:"): a word of it is, or
/// starts with, one of the language files' invoice words. The address it labels is never a stop.
/// </summary>
internal static class BillingLabel
{
    /// <summary>The single invoice words of every language, folded; short ones ("ft") are left out as too common a start.</summary>
    private static readonly string[] Words = [.. VocabularyCatalog.Folded("invoice").Where(w => w.Length >= 4 && !w.Contains(' ', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];

    public static bool Is(ReadOnlySpan<char> label)
    {
        foreach (var word in TextFold.Fold(label).Split([' ', '/', '(', ')', '.', ',', '-', ':', '|', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var invoice in Words)
            {
                if (word.StartsWith(invoice, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
