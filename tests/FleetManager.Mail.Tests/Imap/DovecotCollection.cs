namespace FleetManager.Mail.Tests.Imap;

/// <summary>The IMAP test classes share one Dovecot (each test has a user of its own).</summary>
[CollectionDefinition(Name)]
public sealed class DovecotCollection : ICollectionFixture<DovecotServer>
{
    public const string Name = "Dovecot";
}
