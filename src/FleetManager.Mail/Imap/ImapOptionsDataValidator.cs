using Microsoft.Extensions.Options;

namespace FleetManager.Mail.Imap;

/// <summary>Generated (reflection-free, Native AOT safe) validation of the <c>Imap</c> section's attributes.</summary>
[OptionsValidator]
internal sealed partial class ImapOptionsDataValidator : IValidateOptions<ImapOptions>;
