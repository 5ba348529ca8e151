namespace FleetManager.Google.Auth;

/// <summary>One started installed-app authorization: the consent URL to open and what the reply must match.</summary>
/// <param name="Url">Google's consent page (offline access, consent prompt, PKCE S256, state).</param>
/// <param name="RedirectUri">The loopback address Google sends the browser back to.</param>
/// <param name="State">The anti-forgery value the reply must carry.</param>
/// <param name="CodeVerifier">The PKCE secret sent with the code exchange.</param>
public sealed record AuthorizationRequest(Uri Url, Uri RedirectUri, string State, string CodeVerifier);
