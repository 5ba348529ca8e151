using FleetManager.TestServers.Postgres;
using FleetManager.Tests.Support;
using Npgsql;
using Xunit;

namespace FleetManager.Tests.Service.Health;

/// <summary>Readiness on a real PostgreSQL server: the probe connects afresh, so an outage shows at once and its end too.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReadinessTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ready_PostgresRefusesConnections_Is503UntilItAcceptsThemAgain()
    {
        var database = server.CreateDatabase();
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        var mail = Path.Combine(_temp.Path, "mail");
        SampleMessages.CopyTo(mail, 2);
        await using var host = await ServiceTestHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
            // The store's kind and host are detail; without it /healthz shows only a summary.
            ["Service:HealthDetail"] = "true",
        });
        var ready = await host.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.StartsWith("PostgreSQL", ready.GetProperty("store").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, (await host.GetJsonAsync("/healthz/ready")).Status);

        // The database stops taking connections (a failover, maintenance): not ready, with the reason.
        Admin($"ALTER DATABASE {name} ALLOW_CONNECTIONS false", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        var (status, body) = await host.GetJsonAsync("/healthz/ready");
        Assert.Equal(503, status);
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("store:", StringComparison.Ordinal));

        Admin($"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
        await host.WaitForStatusAsync("/healthz/ready", 200);
    }

    private void Admin(params string[] statements)
    {
        using var connection = new NpgsqlConnection(server.AdminConnectionString);
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
