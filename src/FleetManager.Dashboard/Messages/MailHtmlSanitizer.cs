using Ganss.Xss;

namespace FleetManager.Dashboard.Messages;

/// <summary>
/// Cleans a message's HTML for display with HtmlSanitizer (a maintained allow-list sanitiser): no scripts or
/// event handlers, no forms, no links that navigate (href removed), no remote images (only data: URLs). The
/// result is still shown only in a sandboxed frame under its own Content-Security-Policy: two locks, not one.
/// </summary>
public static class MailHtmlSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The sanitised markup of <paramref name="html"/>.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.AllowedAttributes.Remove("href");
        sanitizer.AllowedAttributes.Remove("action");
        sanitizer.AllowedAttributes.Remove("formaction");
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "textarea", "a" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        // A link's text stays readable, without the link.
        sanitizer.KeepChildNodes = true;
        return sanitizer;
    }
}
