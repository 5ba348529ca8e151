using Microsoft.Extensions.Options;

namespace FleetManager.Google.Sheets;

/// <summary>Validates <see cref="SheetsOptions"/> at start with generated code (no reflection, AOT-friendly).</summary>
[OptionsValidator]
internal sealed partial class SheetsOptionsValidator : IValidateOptions<SheetsOptions>;
