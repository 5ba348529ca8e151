using FleetManager.Dashboard.Security;
using FleetManager.Storage.Users;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>fleetmanager users</c> run as a user would: passwords piped in, one line and exit 2 for every mistake.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Add_PasswordPiped_ListShowsNameRoleAndTimeButNeverThePasswordOrHash()
    {
        var db = await NewBookAsync();

        var add = await CliProcess.RunWithInputAsync(Password + "\n", "users", "add", "Anna", "--role", "dispatcher", "--db", db);
        var list = await CliProcess.RunAsync("users", "list", "--db", db);

        Assert.True(add.ExitCode == 0, add.StdErr);
        Assert.Contains("added Anna (dispatcher)", add.StdOut);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"(?m)^Anna\s+dispatcher\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC", list.StdOut);
        var hash = StoredHash(db, "anna");
        Assert.DoesNotContain(Password, add.StdOut + add.StdErr + list.StdOut + list.StdErr + hash, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, list.StdOut + list.StdErr, StringComparison.Ordinal);
        // Identity's V3 format (first byte 1), and the dashboard accepts the password against it.
        Assert.Equal(1, Convert.FromBase64String(hash)[0]);
        var account = new UserAccount("Anna", UserRoleNames.Dispatcher, hash, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.True(new UserPasswords().Verify(account, Password));
        Assert.False(new UserPasswords().Verify(account, Password + "!"));
    }

    [Fact]
    public async Task Add_NameTakenInAnotherCase_ExitsTwoAndKeepsTheFirstUser()
    {
        var db = await NewBookAsync();
        Assert.Equal(0, (await CliProcess.RunWithInputAsync(Password + "\n", "users", "add", "anna", "--role", "admin", "--db", db)).ExitCode);
        var first = StoredHash(db, "anna");

        var again = await CliProcess.RunWithInputAsync("another password\n", "users", "add", "ANNA", "--role", "viewer", "--password-stdin", "--db", db);

        Assert.Equal(2, again.ExitCode);
        Assert.Equal("error: there is already a user 'anna' in " + db + " (names ignore case); see 'fleetmanager users list'", again.StdErr.Trim());
        Assert.Equal(first, StoredHash(db, "anna"));
    }

    [Theory]
    [InlineData("short\n", "the password is shorter than 10 characters")]
    [InlineData("", "no password on standard input")]
    [InlineData("\n", "the password is empty")]
    public async Task Add_UnusablePassword_ExitsTwoWithOneLineAndAddsNothing(string input, string expected)
    {
        var db = await NewBookAsync();

        var add = await CliProcess.RunWithInputAsync(input, "users", "add", "anna", "--role", "viewer", "--db", db);

        Assert.Equal(2, add.ExitCode);
        Assert.Contains(expected, add.StdErr);
        Assert.Single(add.StdErr.Trim().Split('\n'));
        Assert.Contains("no users yet", (await CliProcess.RunAsync("users", "list", "--db", db)).StdErr);
    }

    [Fact]
    public async Task Add_UnknownRoleOrPasswordAsAnArgument_ExitsTwoAsBadArguments()
    {
        var db = await NewBookAsync();

        var role = await CliProcess.RunWithInputAsync(Password + "\n", "users", "add", "anna", "--role", "root", "--db", db);
        var argument = await CliProcess.RunWithInputAsync("", "users", "add", "anna", Password, "--role", "admin", "--db", db);

        Assert.Equal(2, role.ExitCode);
        Assert.Contains("root", role.StdErr);
        Assert.Equal(2, argument.ExitCode);
        Assert.DoesNotContain("added", argument.StdOut);
    }

    [Fact]
    public async Task Add_TheLoopbackUsersName_ExitsTwo()
    {
        var db = await NewBookAsync();

        var add = await CliProcess.RunWithInputAsync(Password + "\n", "users", "add", "Local", "--role", "admin", "--db", db);

        Assert.Equal(2, add.ExitCode);
        Assert.Contains("'local' is the name of loopback requests", add.StdErr);
    }

    [Fact]
    public async Task RemoveSetRoleAndPasswd_UnknownUser_ExitTwoNamingTheUser()
    {
        var db = await NewBookAsync();

        var remove = await CliProcess.RunAsync("users", "remove", "bert", "--db", db);
        var setRole = await CliProcess.RunAsync("users", "set-role", "bert", "--role", "admin", "--db", db);
        var passwd = await CliProcess.RunWithInputAsync(Password + "\n", "users", "passwd", "bert", "--db", db);

        foreach (var result in new[] { remove, setRole, passwd })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"error: there is no user 'bert' in {db}; see 'fleetmanager users list'", result.StdErr.Trim());
        }
    }

    [Fact]
    public async Task SetRolePasswdThenRemove_ExistingUser_ChangeThenRemoveIt()
    {
        var db = await NewBookAsync();
        Assert.Equal(0, (await CliProcess.RunWithInputAsync(Password + "\n", "users", "add", "anna", "--role", "viewer", "--db", db)).ExitCode);
        var before = StoredHash(db, "anna");

        var setRole = await CliProcess.RunAsync("users", "set-role", "ANNA", "--role", "admin", "--db", db);
        var passwd = await CliProcess.RunWithInputAsync("a brand new password\n", "users", "passwd", "anna", "--password-stdin", "--db", db);
        var list = await CliProcess.RunAsync("users", "list", "--db", db);
        var after = StoredHash(db, "anna");
        var remove = await CliProcess.RunAsync("users", "remove", "Anna", "--db", db);

        Assert.True(setRole.ExitCode == 0, setRole.StdErr);
        Assert.True(passwd.ExitCode == 0, passwd.StdErr);
        Assert.Matches(@"(?m)^anna\s+admin\s", list.StdOut);
        var account = new UserAccount("anna", UserRoleNames.Admin, after, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.NotEqual(before, account.PasswordHash);
        Assert.True(new UserPasswords().Verify(account, "a brand new password"));
        Assert.True(remove.ExitCode == 0, remove.StdErr);
        Assert.Contains("no users yet", (await CliProcess.RunAsync("users", "list", "--db", db)).StdErr);
    }

    [Fact]
    public async Task Add_MissingOrderBook_ExitsFourWithOneLineSayingHowToCreateAnEmptyOne()
    {
        var add = await CliProcess.RunWithInputAsync(Password + "\n", "users", "add", "anna", "--role", "admin", "--db", _temp.File("missing.db"));

        Assert.Equal(4, add.ExitCode);
        Assert.Single(add.StdErr.Trim().Split('\n'));
        Assert.Contains("does not exist", add.StdErr);
        // Users may come before any mail (a server set up before its first import).
        Assert.Contains("'fleetmanager db migrate'", add.StdErr);
    }

    private async Task<string> NewBookAsync()
    {
        var db = _temp.File("book.db");
        var migrate = await CliProcess.RunAsync("db", "migrate", "--db", db);
        Assert.True(migrate.ExitCode == 0, migrate.StdErr);
        return db;
    }

    private static string StoredHash(string db, string nameKey)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM dashboard_user WHERE name_key = $key";
        command.Parameters.AddWithValue("$key", nameKey);
        return (string)command.ExecuteScalar()!;
    }
}
