namespace FleetManager.Core.Text;

/// <summary>
/// Keeps text from mail out of spreadsheet formulas: a cell whose text starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c> (or a tab or carriage return, which some spreadsheets skip before a formula) is
/// prefixed with a single quote, so <c>=HYPERLINK(...)</c> in a subject or a company name stays text
/// when a dispatcher opens the export or the Google Sheet. Lives in Core because every sink that
/// writes cells (CSV/XLSX exports, Google Sheets) applies the same rule.
/// </summary>
public static class FormulaInjectionGuard
{
    /// <summary>The text, prefixed with <c>'</c> when a spreadsheet could read it as a formula.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
