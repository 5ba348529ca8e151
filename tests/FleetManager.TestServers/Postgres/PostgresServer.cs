using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FleetManager.TestServers.Postgres;

/// <summary>
/// A real PostgreSQL server for the tests, from Debian's <c>postgresql</c> package: its own temporary
/// data folder (initdb), a free loopback port, no fsync, trust authentication on loopback only.
/// PostgreSQL refuses to run as root, so under root (CI) the server runs as the <c>postgres</c> user
/// through <c>runuser</c>. Stopped (immediate mode) and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Superuser = "fm_test";
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly string? _runAs;
    private int _databases;

    public PostgresServer()
    {
        _binDirectory = FindBinaries();
        _runAs = IsRoot() ? "postgres" : null;
        var root = Path.Combine(Path.GetTempPath(), "fm-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        _dataDirectory = Path.Combine(root, "data");
        if (_runAs is not null)
        {
            Run("chown", [_runAs + ":", root], asServerUser: false);
        }

        Run(Path.Combine(_binDirectory, "initdb"),
            ["-D", _dataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);

        // A port chosen free can be taken before the server binds it (other tests start servers too): the start
        // then fails with "Address already in use", and a new port is tried.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                Run(Path.Combine(_binDirectory, "pg_ctl"),
                [
                    "-D", _dataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                    "-o", string.Create(CultureInfo.InvariantCulture,
                        $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"),
                    "start",
                ]);
                break;
            }
            catch (InvalidOperationException exception) when (attempt < 3 && exception.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                File.Delete(Path.Combine(root, "server.log"));
            }
        }

        Root = root;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    private string Root { get; }

    /// <summary>Connection string of the maintenance database (to create test databases).</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = true,
    }.ConnectionString;

    /// <summary>A new empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "fm_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned by the OS; a failed delete must not hide a test result.
            }
        }
    }

    private static string FindBinaries()
    {
        const string parent = "/usr/lib/postgresql";
        var bin = Directory.Exists(parent)
            ? Directory.GetDirectories(parent)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (initdb, pg_ctl). " +
            "Install Debian's server: apt-get install -y --no-install-recommends postgresql (.ci/run does this).");
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A data folder under the test's temp folder must be reachable from the server user's cwd.
            WorkingDirectory = "/",
        };
        if (asServerUser && _runAs is not null)
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(_runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server holding inherited pipes: read to the end asynchronously and
        // wait for the process itself, not for the pipes to close.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(Path.GetDirectoryName(_dataDirectory)!, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: " +
                (error.IsCompleted ? error.Result : "") + (output.IsCompleted ? output.Result : "") +
                (File.Exists(log) ? File.ReadAllText(log) : ""));
        }
    }
}
