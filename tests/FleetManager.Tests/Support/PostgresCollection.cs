using FleetManager.TestServers.Postgres;
using Xunit;

namespace FleetManager.Tests.Support;

/// <summary>One PostgreSQL server for the CLI tests that need one; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server (CLI)";
}
