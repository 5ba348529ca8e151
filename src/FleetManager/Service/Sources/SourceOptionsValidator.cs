using Microsoft.Extensions.Options;

namespace FleetManager.Service.Sources;

/// <summary>Generated (reflection-free, Native AOT safe) validation of one <c>Sources</c> entry's attributes.</summary>
[OptionsValidator]
internal sealed partial class SourceOptionsValidator : IValidateOptions<SourceOptions>;
