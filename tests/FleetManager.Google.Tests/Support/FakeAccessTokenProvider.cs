using FleetManager.Google.Auth;

namespace FleetManager.Google.Tests.Support;

/// <summary>Hands out a fixed token and records the scopes asked for.</summary>
internal sealed class FakeAccessTokenProvider : IGoogleAccessTokenProvider
{
    public const string Token = "stand-in-token";

    public List<string> RequestedScopes { get; } = [];

    public ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        lock (RequestedScopes)
        {
            RequestedScopes.AddRange(scopes);
        }

        return ValueTask.FromResult(Token);
    }

    /// <summary>The fixed token cannot be replaced: a refused token is final here.</summary>
    public ValueTask<string> RefreshAccessTokenAsync(IReadOnlyCollection<string> scopes, string rejectedToken, CancellationToken cancellationToken) =>
        GetAccessTokenAsync(scopes, cancellationToken);
}
