namespace FleetManager.Dashboard;

/// <summary>Which compressed form of a static file to send for a request's <c>Accept-Encoding</c>: <c>br</c>, <c>gzip</c>, or none.</summary>
public static class StaticEncodings
{
    /// <summary>
    /// "br" when the header lists br, else "gzip" when it lists gzip (either without <c>q=0</c>), else null. Tokens are
    /// compared whole, so a coding whose name merely contains "br" is not taken for it.
    /// </summary>
    public static string? Preferred(string acceptEncoding)
    {
        ArgumentNullException.ThrowIfNull(acceptEncoding);
        bool br = false, gzip = false;
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var semicolon = part.IndexOf(';', StringComparison.Ordinal);
            var coding = (semicolon < 0 ? part : part[..semicolon]).Trim();
            var refused = semicolon >= 0 && part[(semicolon + 1)..].Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000";
            if (refused)
            {
                continue;
            }

            br |= coding.Equals("br", StringComparison.OrdinalIgnoreCase);
            gzip |= coding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        }

        return br ? "br" : gzip ? "gzip" : null;
    }
}
