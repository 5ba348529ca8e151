using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using FleetManager.Storage.Postgres;
using Npgsql;

namespace FleetManager.Storage.Backup;

/// <summary>
/// PostgreSQL backups the documented way: <c>pg_dump --format=custom</c> (one consistent snapshot while the
/// service writes) and <c>pg_restore --clean --if-exists --single-transaction</c>. The connection settings go
/// to the tools in libpq's environment variables, never on the command line, so the password shows in no
/// process list.
/// </summary>
public static class PostgresBackup
{
    public static void Create(string connectionString, string destination)
    {
        var partial = destination + ".partial";
        try
        {
            Run("pg_dump", connectionString, "--format=custom", "--no-password", "--file=" + partial);
            File.Move(partial, destination);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static void Restore(string backup, string connectionString)
    {
        if (!File.Exists(backup))
        {
            throw new BackupFailedException($"the backup {backup} does not exist", "Give a file from the backup folder (fleetmanager-*.dump).");
        }

        Run("pg_restore", connectionString, "--clean", "--if-exists", "--no-owner", "--single-transaction", "--no-password", "--dbname=" + Database(connectionString), backup);
    }

    private static string Database(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        return builder.Database ?? builder.Username ?? "postgres";
    }

    private static void Run(string tool, string connectionString, params string[] arguments)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        var info = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Set(info, "PGHOST", builder.Host);
        Set(info, "PGPORT", builder.Port.ToString(CultureInfo.InvariantCulture));
        Set(info, "PGUSER", builder.Username);
        Set(info, "PGPASSWORD", builder.Password);
        Set(info, "PGDATABASE", builder.Database);
        Set(info, "PGSSLMODE", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });

        var where = PostgresConnectionString.Describe(builder);
        try
        {
            using var process = Process.Start(info)!;
            // Standard error is read by the process's own event reader while this thread drains standard output, so
            // neither pipe fills up and stalls the tool (and no thread blocks on a task).
            var error = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is not null)
                {
                    lock (error)
                    {
                        error.Append(line.Data).Append('\n');
                    }
                }
            };
            process.BeginErrorReadLine();
            _ = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string errorText;
                lock (error)
                {
                    errorText = error.ToString();
                }

                var firstLine = errorText.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
                throw new BackupFailedException($"{tool} for {where} failed (exit {process.ExitCode}): {Redact(firstLine, builder.Password)}",
                    "Check that PostgreSQL runs, that the login may read every table, and that the client tools match the server's major version.");
            }
        }
        catch (Win32Exception ex)
        {
            throw new BackupFailedException($"{tool} is not installed", $"Install PostgreSQL's client tools (Debian: apt-get install postgresql-client) so that {tool} is on PATH.", ex);
        }
    }

    private static void Set(ProcessStartInfo info, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            info.Environment[name] = value;
        }
    }

    private static string Redact(string text, string? password) =>
        string.IsNullOrEmpty(password) ? text : text.Replace(password, "***", StringComparison.Ordinal);
}
