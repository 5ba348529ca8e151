using FleetManager.Google.Sheets;
using Microsoft.Extensions.Configuration;
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
        options.IsConfigured && string.IsNullOrWhiteSpace(configuration["Gmail:CredentialsFile"])
            ? ValidateOptionsResult.Fail(
                "Sheets:SpreadsheetId (GOOGLE_SHEETS_SPREADSHEET_ID) is set but no Google credential is: set GMAIL_CREDENTIALS_FILE "
                + "(Gmail:CredentialsFile) to the OAuth client or service-account file and run 'fleetmanager auth google' (docs/sheets.md).")
            : ValidateOptionsResult.Success;
}
