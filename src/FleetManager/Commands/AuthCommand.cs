using System.CommandLine;
using System.Diagnostics;
using FleetManager.Google;
using FleetManager.Google.Auth;
using FleetManager.Google.Gmail;
using FleetManager.Google.Sheets;
using FleetManager.Mail.Imap;
using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager auth google [--no-browser]</c>: the installed-app OAuth consent, once per machine (and again
/// after <c>invalid_grant</c>). On a desktop the browser comes back to a loopback listener; on a headless
/// server the user opens the printed URL anywhere and pastes the address the browser ends on.
/// </summary>
internal static class AuthCommand
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(10);

    public static Command Create(Func<VerbEnvironment> environment)
    {
        var noBrowser = new Option<bool>("--no-browser")
        {
            Description = "Headless: print the URL, open it on any machine, then paste the address the browser ends on (or its code).",
        };
        var google = new Command("google", "Authorize FleetManager to read the Gmail mailbox (stores a refresh token with mode 0600 in Gmail:TokenFile).")
        {
            noBrowser,
        };
        google.SetAction((parse, ct) =>
        {
            var env = environment();
            return AuthorizeGoogleAsync(env, parse.GetValue(noBrowser), ct);
        });
        return new Command("auth", "Authorize access to external services.") { google };
    }

    /// <summary>
    /// Every scope the configuration will use the one Google credential for: Gmail's, Sheets' when a
    /// spreadsheet is named, full mail access when an IMAP source logs in with XOAUTH2. Asked once, so a
    /// later sync or IMAP poll does not fail for a scope the user was never asked for.
    /// </summary>
    internal static IReadOnlyCollection<string> Scopes(IConfiguration configuration, GmailOptions gmail)
    {
        var scopes = new List<string>(gmail.Scopes);
        if (!string.IsNullOrWhiteSpace(configuration["Sheets:SpreadsheetId"]))
        {
            scopes.Add(SheetsOptions.Scope);
        }

        var imapSections = configuration.GetSection("Sources").GetChildren()
            .Where(s => string.Equals(s["Kind"], "imap", StringComparison.OrdinalIgnoreCase))
            .Select(s => s["Imap:Authentication"] ?? configuration["Imap:Authentication"])
            .Append(configuration["Imap:Authentication"]);
        if (imapSections.Any(a => string.Equals(a, nameof(ImapAuthentication.OAuth2), StringComparison.OrdinalIgnoreCase)))
        {
            scopes.Add(GmailOptions.FullMailScope);
        }

        return scopes.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The consent over <paramref name="environment"/>'s settings: the URL and the outcome on its output, the pasted
    /// reply (with <paramref name="noBrowser"/>) from its input. A missing or refused setting or credentials file
    /// propagates as its category's exception (exit 5 or 6 through <see cref="CommandLine.Report"/>).
    /// </summary>
    internal static async Task<int> AuthorizeGoogleAsync(VerbEnvironment environment, bool noBrowser, CancellationToken cancellationToken)
    {
        var configuration = environment.Configuration;
        var output = environment.Out;
        var builder = VerbHostBuilder.Create(configuration);
        builder.Services.AddGmail(configuration);
        using var host = VerbHostBuilder.BuildValidated(builder);
        var services = host.Services;
        var gmail = services.GetRequiredService<IOptions<GmailOptions>>().Value;
        var client = GoogleCredentialFile.Load(gmail.CredentialsFile);
        if (client.Kind == GoogleCredentialKind.ServiceAccount)
        {
            output.WriteLine("The credentials file is a service-account key: no browser authorization is needed (domain-wide delegation grants access; see docs/gmail.md).");
            return ExitCodes.Success;
        }

        using var authorization = new InstalledAppAuthorization(
            services.GetRequiredService<IOptions<GoogleOptions>>().Value, client, Scopes(configuration, gmail), TimeProvider.System);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        string reply;
        AuthorizationRequest request;
        if (noBrowser)
        {
            // Nothing listens here: the browser (on another machine) shows an error page whose address holds the code.
            request = authorization.Begin(new Uri("http://127.0.0.1:8085/"));
            output.WriteLine("Open this URL in a browser on any machine and allow access:");
            output.WriteLine();
            output.WriteLine(request.Url);
            output.WriteLine();
            output.WriteLine("The browser then fails to load a page at http://127.0.0.1:8085/ - that is expected.");
            output.Write("Copy the full address from its address bar and paste it here: ");
            reply = await environment.Input.ReadLineAsync(timeout.Token).ConfigureAwait(false) ?? "";
        }
        else
        {
            using var receiver = LoopbackCodeReceiver.Start();
            request = authorization.Begin(receiver.RedirectUri);
            output.WriteLine("Opening your browser to authorize FleetManager. If it does not open, visit:");
            output.WriteLine();
            output.WriteLine(request.Url);
            output.WriteLine();
            TryOpenBrowser(request.Url);
            output.WriteLine("Waiting for Google's reply (Ctrl+C to stop; on a server without a browser use --no-browser)...");
            reply = await receiver.WaitForReplyAsync(timeout.Token).ConfigureAwait(false);
        }

        var stored = await authorization.CompleteAsync(request, reply, gmail.TokenFile!, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"Authorized. The refresh token is stored in {Path.GetFullPath(gmail.TokenFile!)} (mode 0600; scope: {stored.Scope}).");
        output.WriteLine("Next: 'fleetmanager import --source gmail'.");
        return ExitCodes.Success;
    }

    private static void TryOpenBrowser(Uri url)
    {
        var opener = OperatingSystem.IsWindows() ? null : OperatingSystem.IsMacOS() ? "open" : "xdg-open";
        try
        {
            using var process = opener is null
                ? Process.Start(new ProcessStartInfo(url.ToString()) { UseShellExecute = true })
                : Process.Start(new ProcessStartInfo(opener, [url.ToString()]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // No browser here: the printed URL is the way.
        }
    }
}
