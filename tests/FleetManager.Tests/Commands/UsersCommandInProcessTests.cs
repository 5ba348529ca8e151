using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>users add|list|set-role|passwd|remove</c> run in-process: the password is read from the
/// <see cref="VerbEnvironment"/>'s input and the results go to its writers, without starting a process.
/// </summary>
public sealed class UsersCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task AddThenList_PasswordFromTheEnvironmentsInput_ListsTheUserWithoutAnyHash()
    {
        var db = NewBook();

        var added = await UsersCommand.AddAsync(WithInput("a-long-enough-password\n"), "dispatch", "dispatcher", passwordFromStandardInput: true, db, CancellationToken.None);
        var listed = await UsersCommand.ListAsync(_verb.Environment(), db, CancellationToken.None);

        Assert.True(added == ExitCodes.Success, _verb.Error.ToString());
        Assert.Equal(ExitCodes.Success, listed);
        var lines = _verb.Out.ToString().TrimEnd().Split('\n');
        Assert.Equal($"added dispatch (dispatcher) to {db}", lines[0]);
        Assert.StartsWith("NAME      ROLE", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("dispatch  dispatcher", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", _verb.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRoleThenPasswdThenRemove_KnownUser_EachSaysWhatChanged()
    {
        var db = NewBook();
        Assert.Equal(ExitCodes.Success, await UsersCommand.AddAsync(WithInput("a-long-enough-password\n"), "ann", "viewer", passwordFromStandardInput: true, db, CancellationToken.None));
        _verb.Out.GetStringBuilder().Clear();

        Assert.Equal(ExitCodes.Success, await UsersCommand.SetRoleAsync(_verb.Environment(), "ann", "admin", db, CancellationToken.None));
        Assert.Equal(ExitCodes.Success, await UsersCommand.PasswdAsync(WithInput("another-long-password\n"), "ann", passwordFromStandardInput: true, db, CancellationToken.None));
        Assert.Equal(ExitCodes.Success, await UsersCommand.RemoveAsync(_verb.Environment(), "ann", db, CancellationToken.None));

        Assert.Equal(
            [$"ann is now admin in {db}", $"password of ann changed in {db}", $"removed ann from {db}"],
            _verb.Out.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Add_PasswordTooShort_ExitsUsageWithOneLineAndAddsNobody()
    {
        var db = NewBook();

        var exitCode = await UsersCommand.AddAsync(WithInput("short\n"), "dispatch", "viewer", passwordFromStandardInput: true, db, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("Nothing was changed.", line, StringComparison.Ordinal);
        _verb.Error.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Success, await UsersCommand.ListAsync(_verb.Environment(), db, CancellationToken.None));
        Assert.StartsWith($"{db} has no users yet", _verb.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_NoPasswordOnTheInput_ExitsUsageWithOneLine()
    {
        var db = NewBook();

        var exitCode = await UsersCommand.AddAsync(_verb.Environment(), "dispatch", "viewer", passwordFromStandardInput: true, db, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: no password on standard input", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_UnknownUser_ExitsUsageWithOneLine()
    {
        var db = NewBook();

        var exitCode = await UsersCommand.RemoveAsync(_verb.Environment(), "nobody", db, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal($"error: there is no user 'nobody' in {db}; see 'fleetmanager users list'", _verb.Error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Add_PasswordPipedThroughTheEnvironmentsInputOnTheCommandLine_AddsTheUser()
    {
        var db = NewBook();

        // No --password-stdin: an input that is no terminal is read a line at a time, as a pipe is.
        var exitCode = await CommandLine.RunAsync(["users", "add", "dispatch", "--role", "viewer", "--db", db], WithInput("a-long-enough-password\n"));

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.Equal($"added dispatch (viewer) to {db}", _verb.Out.ToString().TrimEnd());
        Assert.Equal("", _verb.Error.ToString());
    }

    [Fact]
    public async Task Add_PasswordTypedTwiceOnTheEnvironmentsKeyboard_PromptsTwiceEchoesNothingAndAddsTheUser()
    {
        var db = NewBook();
        // A typo corrected with Backspace in the first typing.
        var keyboard = new ScriptedKeyboard("a-long-enough-passwore\bd\ra-long-enough-password\r");

        var exitCode = await UsersCommand.AddAsync(_verb.Environment() with { Keyboard = keyboard }, "dispatch", "admin", passwordFromStandardInput: false, db, CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.Equal("Password: \nPassword again: \n", _verb.Error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal($"added dispatch (admin) to {db}", _verb.Out.ToString().TrimEnd());
    }

    [Fact]
    public async Task Add_TwoTypingsDiffer_ExitsUsageWithOneLineAndAddsNobody()
    {
        var db = NewBook();
        var keyboard = new ScriptedKeyboard("a-long-enough-password\ra-long-enough-passw0rd\r");

        var exitCode = await UsersCommand.AddAsync(_verb.Environment() with { Keyboard = keyboard }, "dispatch", "viewer", passwordFromStandardInput: false, db, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.EndsWith("error: the two passwords differ; nothing was changed. Run the command again.", _verb.Error.ToString().TrimEnd(), StringComparison.Ordinal);
        _verb.Error.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Success, await UsersCommand.ListAsync(_verb.Environment(), db, CancellationToken.None));
        Assert.StartsWith($"{db} has no users yet", _verb.Error.ToString(), StringComparison.Ordinal);
    }

    private VerbEnvironment WithInput(string typed) => _verb.Environment() with { Input = new StringReader(typed) };

    private string NewBook()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, DbCommand.Migrate(_verb.Environment(), db));
        _verb.Out.GetStringBuilder().Clear();
        return db;
    }
}
