namespace FleetManager.Mail.Imap;

/// <summary>How the connection to the IMAP server is protected.</summary>
public enum ImapSecurity
{
    /// <summary>TLS from the first byte (IMAPS, port 993 by default).</summary>
    Tls,

    /// <summary>A plain connection upgraded with STARTTLS before login (port 143 by default); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>No encryption at all (port 143 by default): allowed only for a server on this machine (a loopback address).</summary>
    None,
}
