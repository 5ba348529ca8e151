using System.ComponentModel.DataAnnotations;

namespace FleetManager.Google.Auth;

/// <summary>Settings shared by every Google API client (configuration section <c>Google</c>).</summary>
public sealed class GoogleOptions
{
    public const string SectionName = "Google";

    /// <summary>
    /// The OAuth token endpoint (<c>Google:TokenUrl</c>, env <c>FLEETMANAGER__GOOGLE__TOKENURL</c>): refreshes
    /// access tokens and signs service-account assertions' audience. Default <c>https://oauth2.googleapis.com/token</c>.
    /// </summary>
    [Required]
    public Uri TokenUrl { get; set; } = new("https://oauth2.googleapis.com/token");

    /// <summary>
    /// Where <c>fleetmanager auth google</c> sends the browser to consent (<c>Google:AuthorizationUrl</c>).
    /// Default <c>https://accounts.google.com/o/oauth2/v2/auth</c>.
    /// </summary>
    [Required]
    public Uri AuthorizationUrl { get; set; } = new("https://accounts.google.com/o/oauth2/v2/auth");

    /// <summary>Where a refresh token is revoked (<c>Google:RevokeUrl</c>). Default <c>https://oauth2.googleapis.com/revoke</c>.</summary>
    [Required]
    public Uri RevokeUrl { get; set; } = new("https://oauth2.googleapis.com/revoke");
}
