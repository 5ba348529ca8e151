using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FleetManager.Mail.Imap;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Xunit;

namespace FleetManager.TestServers.Dovecot;

/// <summary>
/// A real Dovecot (Debian's dovecot-imapd) started for the tests: its own dovecot.conf in a temporary
/// folder, listening on 127.0.0.1 on free ports (plain + STARTTLS, and IMAPS with a self-signed
/// certificate), users in a passwd-file (the password doubles as an XOAUTH2 token), Maildir storage
/// under the same folder. Stopped and deleted on dispose.
/// </summary>
public sealed class DovecotServer : IAsyncLifetime
{
    private static int s_users;
    private readonly string _root = Directory.CreateTempSubdirectory("fm-dovecot-").FullName;
    private Process? _process;

    /// <summary>Plain IMAP (STARTTLS offered).</summary>
    public int ImapPort { get; private set; }

    /// <summary>IMAP over TLS.</summary>
    public int ImapsPort { get; private set; }

    /// <summary>The server's self-signed certificate (PEM), for Imap:TrustedCertificateFile.</summary>
    public string CertificateFile => Path.Combine(_root, "cert.pem");

    private string ConfigFile => Path.Combine(_root, "dovecot.conf");

    private string PasswdFile => Path.Combine(_root, "passwd");

    private string LogFile => Path.Combine(_root, "dovecot.log");

    public async Task InitializeAsync()
    {
        var dovecot = FindExecutable("dovecot")
            ?? throw new InvalidOperationException("Dovecot is not installed, and the IMAP tests need a real server: run 'DEBIAN_FRONTEND=noninteractive apt-get install -y dovecot-imapd' (.ci/run does this).");
        var openssl = FindExecutable("openssl")
            ?? throw new InvalidOperationException("openssl is not installed (the IMAP tests make a self-signed certificate with it): run 'apt-get install -y openssl'.");

        // Dovecot refuses to serve mail as root: as root the mail belongs to Debian's 'dovecot' user,
        // otherwise everything runs as the current user (a rootless Dovecot).
        var asRoot = Environment.UserName == "root";
        var internalUser = asRoot ? "dovecot" : Environment.UserName;
        var loginUser = asRoot ? "dovenull" : Environment.UserName;
        var mailUser = asRoot ? "dovecot" : Environment.UserName;
        var mailGroup = (await RunAsync("id", $"-gn {mailUser}")).Trim();

        // Dovecot's unprivileged processes must reach the folder (a temporary folder is 0700).
        await RunAsync("chmod", $"755 {_root}");
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        Directory.CreateDirectory(Path.Combine(_root, "state"));
        await File.WriteAllTextAsync(PasswdFile, "");
        if (asRoot)
        {
            await RunAsync("chown", $"{mailUser}:{mailGroup} {home}");
        }

        await RunAsync(openssl, $"req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout {Path.Combine(_root, "key.pem")} -out {CertificateFile}");

        // A port chosen free can be taken before Dovecot binds it (other tests start servers too): then Dovecot
        // exits with "Address already in use", or another server answers there. Either way: new ports, again.
        for (var attempt = 1; ; attempt++)
        {
            ImapPort = FreePort();
            ImapsPort = FreePort();
            await File.WriteAllTextAsync(ConfigFile, $$"""
                protocols = imap
                listen = 127.0.0.1
                base_dir = {{_root}}/run
                state_dir = {{_root}}/state
                log_path = {{LogFile}}
                default_internal_user = {{internalUser}}
                default_login_user = {{loginUser}}
                first_valid_uid = 1
                ssl = yes
                ssl_cert = <{{CertificateFile}}
                ssl_key = <{{_root}}/key.pem
                disable_plaintext_auth = no
                auth_mechanisms = plain login xoauth2
                auth_failure_delay = 0
                mail_location = maildir:~/Maildir
                mailbox_idle_check_interval = 1 secs
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = 127.0.0.1
                    port = {{ImapPort}}
                  }
                  inet_listener imaps {
                    address = 127.0.0.1
                    port = {{ImapsPort}}
                    ssl = yes
                  }
                }
                service anvil {
                  chroot =
                }
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%u {{PasswdFile}}
                }
                userdb {
                  driver = static
                  args = uid={{mailUser}} gid={{mailGroup}} home={{home}}/%u
                }
                """);

            if (await StartOnceAsync(dovecot) is not { } failure)
            {
                return;
            }

            if (attempt == 3 || !failure.Contains("Address already in use", StringComparison.Ordinal) && !failure.Contains("not Dovecot", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(failure);
            }
        }
    }

    /// <summary>Starts Dovecot on the configured ports; null once its own greeting is read on the IMAP port, else why not.</summary>
    private async Task<string?> StartOnceAsync(string dovecot)
    {
        _process?.Dispose();
        _process = Process.Start(new ProcessStartInfo(dovecot, ["-F", "-c", ConfigFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("dovecot did not start");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                return $"dovecot exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {ReadLog()}";
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, ImapPort);
                using var reader = new StreamReader(probe.GetStream(), Encoding.ASCII);
                var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? "";
                if (greeting.StartsWith("* OK", StringComparison.Ordinal) && greeting.Contains("Dovecot", StringComparison.Ordinal))
                {
                    return null;
                }

                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
                return $"the server on port {ImapPort} is not Dovecot (it greeted '{greeting}')";
            }
            catch (Exception exception) when (exception is SocketException or IOException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // SIGTERM lets the master stop its children; SIGKILL only as a last resort.
            await RunAsync("kill", $"-TERM {process.Id}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A straggling child may still hold a file; the temp folder is cleaned by the system.
        }
    }

    /// <summary>A new mailbox user of its own (tests never share one).</summary>
    public async Task<(string User, string Password)> CreateUserAsync()
    {
        var n = Interlocked.Increment(ref s_users);
        var user = "user" + n.ToString(CultureInfo.InvariantCulture);
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await File.AppendAllTextAsync(PasswdFile, $"{user}:{{PLAIN}}{password}::::::\n");
        return (user, password);
    }

    /// <summary>Options for reading <paramref name="user"/>'s mailbox over plain IMAP on loopback.</summary>
    public ImapOptions Options(string user, string password) => new()
    {
        Host = "127.0.0.1",
        Port = ImapPort,
        Security = ImapSecurity.None,
        Username = user,
        Password = password,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        CommandTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A separate, logged-in client standing for the rest of the world (delivering, inspecting).</summary>
    public async Task<ImapClient> ConnectAsync(string user, string password)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        return client;
    }

    /// <summary>Delivers messages with APPEND, in order; returns their UIDs.</summary>
    public async Task<IReadOnlyList<uint>> DeliverAsync(string user, string password, IEnumerable<MimeMessage> messages, string folder = "INBOX")
    {
        using var client = await ConnectAsync(user, password);
        var target = await client.GetFolderAsync(folder);
        var uids = new List<uint>();
        foreach (var message in messages)
        {
            var uid = await target.AppendAsync(message, MessageFlags.None);
            uids.Add(uid!.Value.Id);
        }

        await client.DisconnectAsync(quit: true);
        return uids;
    }

    /// <summary>Drops every session of <paramref name="user"/> on the server's side (as a server restart would).</summary>
    public Task KickAsync(string user) => RunAsync("doveadm", $"-c {ConfigFile} kick {user}");

    /// <summary>
    /// Makes the stored file of the message whose text contains <paramref name="marker"/> unreadable to
    /// the server (its mail processes never run as root), as a damaged disk would.
    /// </summary>
    public Task DamageMessageAsync(string user, string marker)
    {
        var maildir = Path.Combine(_root, "home", user, "Maildir");
        var file = Directory.EnumerateFiles(maildir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) is "cur" or "new")
            .Single(f => File.ReadAllText(f).Contains(marker, StringComparison.Ordinal));
        return RunAsync("chmod", $"000 {file}");
    }

    /// <summary>The server's log, for failure messages.</summary>
    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindExecutable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(FindExecutable(file) ?? file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {arguments}' failed with exit code {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
