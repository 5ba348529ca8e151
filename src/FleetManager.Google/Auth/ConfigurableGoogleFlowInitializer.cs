using Google.Apis.Auth.OAuth2.Flows;

namespace FleetManager.Google.Auth;

/// <summary>
/// Google's code-flow settings with the endpoints taken from configuration (the library's constructor
/// that accepts them is protected): lets tests and proxies point the flow at another token server.
/// </summary>
internal sealed class ConfigurableGoogleFlowInitializer(GoogleOptions options)
    : GoogleAuthorizationCodeFlow.Initializer(options.AuthorizationUrl.ToString(), options.TokenUrl.ToString(), options.RevokeUrl.ToString());
