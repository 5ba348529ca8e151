using Microsoft.Extensions.Options;

namespace FleetManager.Google.Auth;

/// <summary>Generated (reflection-free, Native AOT safe) validation of the <c>Google</c> section's attributes.</summary>
[OptionsValidator]
internal sealed partial class GoogleOptionsValidator : IValidateOptions<GoogleOptions>;
