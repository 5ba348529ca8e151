using FleetManager.Service;
using Xunit;

namespace FleetManager.Tests.Service;

public sealed class ServiceOptionsValidatorTests
{
    private readonly ServiceOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(_validator.Validate(null, new ServiceOptions()).Succeeded);

    [Fact]
    public void Validate_LeaseOverAnHour_FailsNamingTheOptionAndBounds()
    {
        var result = _validator.Validate(null, new ServiceOptions { LeaseDuration = TimeSpan.FromHours(2) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("LeaseDuration", StringComparison.Ordinal) && f.Contains("00:00:01 and 01:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LivenessNotLongerThanHeartbeat_FailsWithTheCrossOptionRule()
    {
        // The generated validator also runs ServiceOptions.Validate (IValidatableObject).
        var result = _validator.Validate(null, new ServiceOptions { LeaseDuration = TimeSpan.FromMinutes(3), LivenessTimeout = TimeSpan.FromMinutes(1) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Service:LivenessTimeout must be longer", StringComparison.Ordinal));
    }
}
