using System.CommandLine;
using FleetManager.Dashboard.Security;
using FleetManager.Hosting;
using FleetManager.Storage;
using FleetManager.Storage.Users;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager users add|remove|list|set-role|passwd</c>: the dashboard's built-in users, kept in the order book.
/// Passwords are read from the terminal without echo or from standard input, never from an argument, and stored as
/// ASP.NET Core Identity hashes (<see cref="UserPasswords"/>). Mistakes (an unknown or taken name, a short password)
/// are one line and exit 2; an unusable order book exit 4.
/// </summary>
internal static class UsersCommand
{
    /// <summary>The longest name accepted.</summary>
    private const int MaximumNameLength = 100;

    public static Command Create(Func<VerbEnvironment> environment) => new("users", "The dashboard's built-in users (sign-in at /login): add, remove, list, set-role, passwd.")
    {
        CreateAdd(environment),
        CreateRemove(environment),
        CreateList(environment),
        CreateSetRole(environment),
        CreatePasswd(environment),
    };

    private static Command CreateAdd(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var name = NameArgument();
        var role = RoleOption();
        var stdin = PasswordStdinOption();
        var command = new Command("add", "Add a user; the password is typed twice without echo, or read from standard input.") { name, role, stdin, db };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return AddAsync(env, parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(stdin), parse.GetDatabase(db, env), ct);
        });
        return command;
    }

    /// <summary><c>users add</c>: a new user with the password read from <paramref name="environment"/>'s input; exit 2 for a taken name or a bad password.</summary>
    internal static async Task<int> AddAsync(VerbEnvironment environment, string userName, string role, bool passwordFromStandardInput, string dbPath, CancellationToken cancellationToken)
    {
        if (NameProblem(userName) is { } problem)
        {
            return Usage(environment.Error, problem);
        }

        using var store = StoreConfiguration.OpenExisting(dbPath, environment.Configuration);
        if (await store.Users.FindAsync(userName, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return Usage(environment.Error, $"there is already a user '{existing.Name}' in {store.Location} (names ignore case); see 'fleetmanager users list'");
        }

        if (ReadPassword(passwordFromStandardInput, environment) is not { } hash)
        {
            return ExitCodes.Usage;
        }

        if (!await store.Users.AddAsync(userName, role, hash, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return Usage(environment.Error, $"there is already a user '{userName}' in {store.Location} (added meanwhile); see 'fleetmanager users list'");
        }

        environment.Out.WriteLine($"added {userName} ({role}) to {store.Location}");
        return ExitCodes.Success;
    }

    private static Command CreateRemove(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var name = NameArgument();
        var command = new Command("remove", "Remove a user; their sessions end on their next request.") { name, db };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return RemoveAsync(env, parse.GetValue(name)!, parse.GetDatabase(db, env), ct);
        });
        return command;
    }

    /// <summary><c>users remove</c>; exit 2 for an unknown name.</summary>
    internal static async Task<int> RemoveAsync(VerbEnvironment environment, string userName, string dbPath, CancellationToken cancellationToken)
    {
        using var store = StoreConfiguration.OpenExisting(dbPath, environment.Configuration);
        if (!await store.Users.RemoveAsync(userName, cancellationToken).ConfigureAwait(false))
        {
            return UnknownUser(environment.Error, userName, store);
        }

        environment.Out.WriteLine($"removed {userName} from {store.Location}");
        return ExitCodes.Success;
    }

    private static Command CreateList(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var command = new Command("list", "List the users: name, role, when added and last changed (never a password or hash).") { db };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return ListAsync(env, parse.GetDatabase(db, env), ct);
        });
        return command;
    }

    /// <summary><c>users list</c> on <paramref name="environment"/>'s output (an empty list says so on its error writer).</summary>
    internal static async Task<int> ListAsync(VerbEnvironment environment, string dbPath, CancellationToken cancellationToken)
    {
        using var store = StoreConfiguration.OpenExistingForReading(dbPath, environment.Configuration);
        var users = await store.Users.ListAsync(cancellationToken).ConfigureAwait(false);
        if (users.Count == 0)
        {
            environment.Error.WriteLine($"{store.Location} has no users yet; add one with 'fleetmanager users add NAME --role admin'");
            return ExitCodes.Success;
        }

        var width = Math.Max(4, users.Max(u => u.Name.Length));
        environment.Out.WriteLine($"{"NAME".PadRight(width)}  {"ROLE",-10}  {"ADDED",-20}  CHANGED");
        foreach (var user in users)
        {
            environment.Out.WriteLine($"{user.Name.PadRight(width)}  {user.Role,-10}  {Time(user.CreatedAt),-20}  {Time(user.ChangedAt)}");
        }

        return ExitCodes.Success;
    }

    private static Command CreateSetRole(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var name = NameArgument();
        var role = RoleOption();
        var command = new Command("set-role", "Give a user another role; their current sessions end (they sign in again).") { name, role, db };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return SetRoleAsync(env, parse.GetValue(name)!, parse.GetValue(role)!, parse.GetDatabase(db, env), ct);
        });
        return command;
    }

    /// <summary><c>users set-role</c>; exit 2 for an unknown name.</summary>
    internal static async Task<int> SetRoleAsync(VerbEnvironment environment, string userName, string role, string dbPath, CancellationToken cancellationToken)
    {
        using var store = StoreConfiguration.OpenExisting(dbPath, environment.Configuration);
        if (!await store.Users.SetRoleAsync(userName, role, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return UnknownUser(environment.Error, userName, store);
        }

        environment.Out.WriteLine($"{userName} is now {role} in {store.Location}");
        return ExitCodes.Success;
    }

    private static Command CreatePasswd(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var name = NameArgument();
        var stdin = PasswordStdinOption();
        var command = new Command("passwd", "Set a user's password (typed twice without echo, or from standard input); their current sessions end.") { name, stdin, db };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return PasswdAsync(env, parse.GetValue(name)!, parse.GetValue(stdin), parse.GetDatabase(db, env), ct);
        });
        return command;
    }

    /// <summary><c>users passwd</c>: the password read from <paramref name="environment"/>'s input; exit 2 for an unknown name or a bad password.</summary>
    internal static async Task<int> PasswdAsync(VerbEnvironment environment, string userName, bool passwordFromStandardInput, string dbPath, CancellationToken cancellationToken)
    {
        using var store = StoreConfiguration.OpenExisting(dbPath, environment.Configuration);
        if (await store.Users.FindAsync(userName, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownUser(environment.Error, userName, store);
        }

        if (ReadPassword(passwordFromStandardInput, environment) is not { } hash)
        {
            return ExitCodes.Usage;
        }

        if (!await store.Users.SetPasswordHashAsync(userName, hash, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return UnknownUser(environment.Error, userName, store);
        }

        environment.Out.WriteLine($"password of {userName} changed in {store.Location}");
        return ExitCodes.Success;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The user's name (unique ignoring case), as typed at sign-in." };

    private static Option<string> RoleOption()
    {
        var option = new Option<string>("--role")
        {
            Description = "viewer (reads, exports), dispatcher (also corrects) or admin (also reprocesses, retries, sees the users).",
            Required = true,
        };
        option.AcceptOnlyFromAmong([.. UserRoleNames.All]);
        return option;
    }

    private static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "Read the password as one line from standard input (also done whenever input is piped) instead of asking twice on the terminal.",
    };

    /// <summary>The hash of a password read as <see cref="PasswordInput"/> does, or null after one line saying why not.</summary>
    private static string? ReadPassword(bool fromStandardInput, VerbEnvironment environment)
    {
        var password = PasswordInput.Read(fromStandardInput, environment);
        if (password is null)
        {
            return null;
        }

        if (UserPasswords.Problem(password) is { } problem)
        {
            environment.Error.WriteLine($"error: {problem}; use {UserPasswords.MinimumLength} to {UserPasswords.MaximumLength} characters. Nothing was changed.");
            return null;
        }

        return new UserPasswords().Hash(password);
    }

    /// <summary>Why <paramref name="name"/> cannot be a user's name, or null.</summary>
    private static string? NameProblem(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaximumNameLength)
        {
            return $"a user's name has 1 to {MaximumNameLength} characters";
        }

        if (!string.Equals(name, name.Trim(), StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            return "a user's name may not start or end with a space or contain control characters";
        }

        // The loopback user's name (Dashboard:LoopbackWithoutLogin): two 'local's in the audit trail could not be told apart.
        return string.Equals(name, DashboardUser.Local.Name, StringComparison.OrdinalIgnoreCase)
            ? $"'{DashboardUser.Local.Name}' is the name of loopback requests without login; choose another name"
            : null;
    }

    private static int UnknownUser(TextWriter error, string name, IOrderStore store) =>
        Usage(error, $"there is no user '{name}' in {store.Location}; see 'fleetmanager users list'");

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine("error: " + problem);
        return ExitCodes.Usage;
    }

    private static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
