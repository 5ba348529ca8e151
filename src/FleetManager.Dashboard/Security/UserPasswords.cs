using FleetManager.Storage.Users;
using Microsoft.AspNetCore.Identity;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// Hashes and checks the built-in users' passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (its V3 format: PBKDF2 with HMAC-SHA512, a random salt, the iteration count kept in the hash, so a later default
/// still reads older hashes). Used by <c>fleetmanager users</c> to store and by the sign-in page to check; a password
/// is never kept, logged or put in an error.
/// </summary>
public sealed class UserPasswords
{
    /// <summary>The shortest password accepted: long enough that the sign-in rate limit makes guessing hopeless.</summary>
    public const int MinimumLength = 10;

    /// <summary>The longest accepted: hashing is deliberately slow, so an unbounded input would be a way to load the server.</summary>
    public const int MaximumLength = 256;

    private readonly PasswordHasher<UserAccount> _hasher = new();

    // Checked when the name is unknown, so a wrong name takes as long as a wrong password and answers say nothing
    // about which names exist.
    private readonly Lazy<string> _decoy;

    public UserPasswords() => _decoy = new Lazy<string>(() => _hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    private static UserAccount Nobody { get; } = new("", UserRoleNames.Viewer, "", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    /// <summary>Why <paramref name="password"/> cannot be used (one line, without the password), or null when it can.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or "" => "the password is empty",
        { Length: < MinimumLength } => $"the password is shorter than {MinimumLength} characters",
        { Length: > MaximumLength } => $"the password is longer than {MaximumLength} characters",
        _ when password.Any(char.IsControl) => "the password contains a control character",
        _ => null,
    };

    /// <summary>The hash to store for <paramref name="password"/> (checked with <see cref="Problem"/> first).</summary>
    public string Hash(string password)
    {
        if (Problem(password) is { } problem)
        {
            throw new ArgumentException($"Cannot hash this password: {problem}.", nameof(password));
        }

        return _hasher.HashPassword(Nobody, password);
    }

    /// <summary>True when <paramref name="password"/> is <paramref name="account"/>'s; false for a null account (after the same work).</summary>
    public bool Verify(UserAccount? account, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length > MaximumLength)
        {
            return false;
        }

        if (account is null)
        {
            _hasher.VerifyHashedPassword(Nobody, _decoy.Value, password);
            return false;
        }

        return _hasher.VerifyHashedPassword(account, account.PasswordHash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }
}
