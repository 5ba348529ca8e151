namespace FleetManager.Google.Gmail;

/// <summary>The Gmail OAuth scopes FleetManager asks for.</summary>
public static class GmailScopes
{
    /// <summary>Read messages and change labels (labels and mark-read need it).</summary>
    public const string Modify = "https://www.googleapis.com/auth/gmail.modify";

    /// <summary>Read only: enough when labels and mark-read are off.</summary>
    public const string ReadOnly = "https://www.googleapis.com/auth/gmail.readonly";
}
