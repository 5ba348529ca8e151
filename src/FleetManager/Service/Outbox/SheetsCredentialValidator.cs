using FleetManager.Google.Sheets;
using Microsoft.Extensions.Configuration;
using FleetManager.Service.Sources;
using Microsoft.Extensions.Options;

namespace FleetManager.Service.Outbox;

/// <summary>
/// A spreadsheet named without any Google credential to write it with is a setting missing, not an outage: the
/// service would start and every push fail. Checked at start with the other settings (exit 5 before listening).
/// A credential that is set but not authorised yet is left to the push, which keeps the rows for later.
/// </summary>
internal sealed class SheetsCredentialValidator(IConfiguration configuration) : IValidateOptions<SheetsOptions>
{
    public ValidateOptionsResult Validate(string? name, SheetsOptions options) =>
        options.IsConfigured && !SharedGoogleCredential.IsConfiguredIn(configuration)
            ? ValidateOptionsResult.Fail("Sheets:SpreadsheetId (GOOGLE_SHEETS_SPREADSHEET_ID) is set but no Google credential is. " + SharedGoogleCredential.MissingFix)
            : ValidateOptionsResult.Success;
}
