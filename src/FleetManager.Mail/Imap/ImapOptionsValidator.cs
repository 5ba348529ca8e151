using System.ComponentModel.DataAnnotations;
using System.Net;
using FleetManager.Core.Options;
using Microsoft.Extensions.Options;

namespace FleetManager.Mail.Imap;

/// <summary>Checks <see cref="ImapOptions"/> at start: the attributes, and the rules that join several options.</summary>
public sealed class ImapOptionsValidator : IValidateOptions<ImapOptions>
{
    public ValidateOptionsResult Validate(string? name, ImapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var attributes = new ImapOptionsDataValidator().Validate(name, options);
        if (attributes.Failed)
        {
            failures.AddRange(attributes.Failures.Select(f => ValidationFailureText.WithoutMemberLabels("Imap: " + f)));
        }

        if (options.Security == ImapSecurity.None && !string.IsNullOrEmpty(options.Host) && !IsLoopback(options.Host))
        {
            failures.Add($"Imap:Security=None sends the password in clear text and is allowed only for a server on this machine, not '{options.Host}': use Tls or StartTls.");
        }

        if (options.Authentication == ImapAuthentication.Password && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Imap:Password is required for password login (FLEETMANAGER__IMAP__PASSWORD), or set Imap:Authentication=OAuth2.");
        }

        if (options.After == ImapAfterCommit.Flag)
        {
            if (!ImapFlag.TryParse(options.Flag, out _))
            {
                failures.Add($"Imap:Flag '{options.Flag}' is neither \\Seen, \\Flagged, \\Answered, \\Draft nor a keyword (an atom such as $FleetManagerProcessed).");
            }

            if (!string.IsNullOrEmpty(options.QuarantineFlag) && !ImapFlag.TryParse(options.QuarantineFlag, out _))
            {
                failures.Add($"Imap:QuarantineFlag '{options.QuarantineFlag}' is neither a system flag nor a keyword.");
            }
        }

        if (options.After == ImapAfterCommit.Move)
        {
            if (string.IsNullOrWhiteSpace(options.MoveTo))
            {
                failures.Add("Imap:MoveTo is required when Imap:After=Move.");
            }
            else if (string.Equals(options.MoveTo, options.Folder, StringComparison.OrdinalIgnoreCase)
                || string.Equals(options.QuarantineFolder, options.Folder, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add("Imap:MoveTo and Imap:QuarantineFolder must differ from Imap:Folder.");
            }
        }

        Positive(failures, "ConnectTimeout", options.ConnectTimeout);
        Positive(failures, "CommandTimeout", options.CommandTimeout);
        if (options.IdleRefresh < TimeSpan.FromSeconds(1) || options.IdleRefresh > TimeSpan.FromMinutes(29))
        {
            failures.Add("Imap:IdleRefresh must be between 00:00:01 and 00:29:00 (servers drop an IDLE after 30 minutes).");
        }

        if (options.SyncMaxAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add("Imap:SyncMaxAge must be positive when set.");
        }

        if (!string.IsNullOrEmpty(options.TrustedCertificateFile) && !File.Exists(options.TrustedCertificateFile))
        {
            failures.Add($"Imap:TrustedCertificateFile '{options.TrustedCertificateFile}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Imap:{name} must be positive.");
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
