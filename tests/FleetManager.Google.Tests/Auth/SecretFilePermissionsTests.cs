using FleetManager.Google.Auth;

namespace FleetManager.Google.Tests.Auth;

public sealed class SecretFilePermissionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fm-secret-").FullName;

    [Fact]
    public void WriteAllTextPrivate_NewFile_IsMode0600()
    {
        var path = Path.Combine(_folder, "sub", "token.json");

        SecretFilePermissions.WriteAllTextPrivate(path, "{}");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void WriteAllTextPrivate_ExistingWorldReadableFile_EndsMode0600()
    {
        var path = Path.Combine(_folder, "token.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SecretFilePermissions.WriteAllTextPrivate(path, "new");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void EnsurePrivate_Mode0644_ThrowsNamingTheChmodFix()
    {
        var path = Path.Combine(_folder, "client_secret.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var exception = Assert.Throws<GoogleAuthorizationException>(() => SecretFilePermissions.EnsurePrivate(path, "The Gmail credentials file", "unused"));

        Assert.Equal($"Run: chmod 600 '{path}'", exception.Fix);
        Assert.Contains("mode 0644", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(SecretFilePermissions.FindProblem(path));
    }

    [Fact]
    public void EnsurePrivate_Mode0600_Passes()
    {
        var path = Path.Combine(_folder, "client_secret.json");
        SecretFilePermissions.WriteAllTextPrivate(path, "{}");

        SecretFilePermissions.EnsurePrivate(path, "The Gmail credentials file", "unused");

        Assert.Null(SecretFilePermissions.FindProblem(path));
    }

    [Fact]
    public void EnsurePrivate_Missing_ThrowsWithTheGivenFix()
    {
        var exception = Assert.Throws<GoogleAuthorizationException>(() =>
            SecretFilePermissions.EnsurePrivate(Path.Combine(_folder, "absent.json"), "The Gmail token file", RefreshTokenFile.ReauthorizeFix));

        Assert.Contains("fleetmanager auth google", exception.Fix, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
