using Microsoft.Extensions.Options;

namespace FleetManager.Google.Gmail;

/// <summary>Generated (reflection-free, Native AOT safe) validation of the <c>Gmail</c> section's attributes.</summary>
[OptionsValidator]
internal sealed partial class GmailOptionsValidator : IValidateOptions<GmailOptions>;
