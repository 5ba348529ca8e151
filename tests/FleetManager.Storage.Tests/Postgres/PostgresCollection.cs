namespace FleetManager.Storage.Tests.Postgres;

/// <summary>One PostgreSQL server shared by every test class that needs one; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
