namespace FleetManager.Google.Auth;

/// <summary>What a Google credential file holds.</summary>
public enum GoogleCredentialKind
{
    /// <summary>The client secret of an OAuth "Desktop app" client; a refresh token is stored apart.</summary>
    InstalledApp,

    /// <summary>A service-account key; it impersonates a Workspace user through domain-wide delegation.</summary>
    ServiceAccount,
}
