namespace FleetManager.Storage.Export;

/// <summary>
/// The export's name for <see cref="Core.Text.FormulaInjectionGuard"/> (moved to Core so the Google
/// Sheets sink applies the very same rule): see there.
/// </summary>
public static class FormulaInjectionGuard
{
    /// <summary>The text, prefixed with <c>'</c> when a spreadsheet could read it as a formula.</summary>
    public static string Neutralise(string text) => Core.Text.FormulaInjectionGuard.Neutralise(text);
}
