namespace FleetManager.Storage.Schema;

/// <summary>
/// One forward step of the schema in both dialects: the SQL that takes a SQLite book and a PostgreSQL
/// database from <c>Version - 1</c> to <see cref="Version"/>. One record holds both, so a step cannot
/// exist for one back-end only and the two version sequences cannot drift apart.
/// </summary>
internal sealed record SchemaStep(int Version, string Sqlite, string Postgres);
