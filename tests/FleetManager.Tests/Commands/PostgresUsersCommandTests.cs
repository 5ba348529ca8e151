using FleetManager.TestServers.Postgres;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>fleetmanager users</c> on a real PostgreSQL server: the same verbs, the users kept in that database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUsersCommandTests(PostgresServer server)
{
    [Fact]
    public async Task AddListRemove_OnPostgres_KeepTheUsersInTheDatabase()
    {
        var db = server.CreateDatabase();
        Assert.Equal(0, (await CliProcess.RunAsync("db", "migrate", "--db", db)).ExitCode);

        var add = await CliProcess.RunWithInputAsync("correct horse battery\n", "users", "add", "anna", "--role", "dispatcher", "--db", db);
        var duplicate = await CliProcess.RunWithInputAsync("correct horse battery\n", "users", "add", "Anna", "--role", "viewer", "--db", db);
        var list = await CliProcess.RunAsync("users", "list", "--db", db);
        var remove = await CliProcess.RunAsync("users", "remove", "ANNA", "--db", db);
        var again = await CliProcess.RunAsync("users", "remove", "anna", "--db", db);

        Assert.True(add.ExitCode == 0, add.StdErr);
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Matches(@"(?m)^anna\s+dispatcher\s", list.StdOut);
        Assert.DoesNotContain("correct horse", add.StdOut + add.StdErr + list.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, remove.ExitCode);
        Assert.Equal(2, again.ExitCode);
    }
}
