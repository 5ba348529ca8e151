using Google.Apis.Util;

namespace FleetManager.Google.Auth;

/// <summary>Lets Google.Apis.Auth judge token expiry by the injected <see cref="TimeProvider"/> (a fake one in tests).</summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : IClock
{
    public DateTime Now => timeProvider.GetLocalNow().DateTime;

    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime;
}
