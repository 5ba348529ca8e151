using Microsoft.Extensions.Options;

namespace FleetManager.Service;

/// <summary>
/// Generated (reflection-free, Native AOT safe) validation of the <c>Service</c> section: its
/// attributes and <see cref="ServiceOptions.Validate"/>.
/// </summary>
[OptionsValidator]
internal sealed partial class ServiceOptionsValidator : IValidateOptions<ServiceOptions>;
