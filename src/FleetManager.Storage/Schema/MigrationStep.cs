namespace FleetManager.Storage.Schema;

/// <summary>One forward step in one dialect: the SQL that takes a database from <c>Version - 1</c> to <see cref="Version"/>.</summary>
internal sealed record MigrationStep(int Version, string Sql);
