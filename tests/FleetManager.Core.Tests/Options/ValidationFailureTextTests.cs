using FleetManager.Core.Options;
using Xunit;

namespace FleetManager.Core.Tests.Options;

public sealed class ValidationFailureTextTests
{
    [Theory]
    // A generated validator's member label before a message that names its setting.
    [InlineData("CredentialsFile: Gmail:CredentialsFile (GMAIL_CREDENTIALS_FILE) is required.", "Gmail:CredentialsFile (GMAIL_CREDENTIALS_FILE) is required.")]
    // A section validator's label on top of it.
    [InlineData("Imap: Host: Imap:Host (FLEETMANAGER__IMAP__HOST) is required.", "Imap:Host (FLEETMANAGER__IMAP__HOST) is required.")]
    // What a source's validator put in front stays.
    [InlineData("Sources:0: Imap: Host: Imap:Host is required.", "Sources:0: Imap:Host is required.")]
    public void WithoutMemberLabels_MessageNamingItsSetting_LosesTheLabels(string failure, string expected) =>
        Assert.Equal(expected, ValidationFailureText.WithoutMemberLabels(failure));

    [Theory]
    // The framework's own words name the member only in the label: it stays.
    [InlineData("Imap: Host: The ImapOptions.Host field is required.")]
    [InlineData("Sources: Name must be 1-64 letters, digits or -_.:@ (it names the lease and cursor).")]
    [InlineData("Imap:Password is required for password login (FLEETMANAGER__IMAP__PASSWORD), or set Imap:Authentication=OAuth2.")]
    [InlineData("Sources:1: Kind 'carrier-pigeon' is unknown (known: folder, gmail, imap).")]
    public void WithoutMemberLabels_OtherFailures_Unchanged(string failure) =>
        Assert.Equal(failure, ValidationFailureText.WithoutMemberLabels(failure));
}
