using FleetManager.Storage.Postgres;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Schema;

/// <summary>
/// The order book's schema as ONE ordered list of forward steps, each in both dialects
/// (<see cref="SqliteSchema"/>, <see cref="PostgresSchema"/>), applied by <see cref="SchemaMigrator"/>. A released
/// step is never edited: a change is a new step appended here, with its text for both back-ends.
/// </summary>
internal static class OrderBookSchema
{
    /// <summary>The steps in version order; the last one's version is what this code writes.</summary>
    public static IReadOnlyList<SchemaStep> Steps { get; } =
    [
        new(1, SqliteSchema.Version1, PostgresSchema.Version1),
        new(2, SqliteSchema.Version2, PostgresSchema.Version2),
        new(3, SqliteSchema.Version3, PostgresSchema.Version3),
        new(4, SqliteSchema.Version4, PostgresSchema.Version4),
        new(5, SqliteSchema.Version5, PostgresSchema.Version5),
        new(6, SqliteSchema.Version6, PostgresSchema.Version6),
        new(7, SqliteSchema.Version7, PostgresSchema.Version7),
        new(8, SqliteSchema.Version8, PostgresSchema.Version8),
        new(9, SqliteSchema.Version9, PostgresSchema.Version9),
        new(10, SqliteSchema.Version10, PostgresSchema.Version10),
        new(11, SqliteSchema.Version11, PostgresSchema.Version11),
    ];

    /// <summary>The schema version this code writes, on either back-end.</summary>
    public static int LatestVersion => Steps[^1].Version;

    /// <summary>The steps as SQLite runs them.</summary>
    public static IReadOnlyList<MigrationStep> ForSqlite { get; } = [.. Steps.Select(s => new MigrationStep(s.Version, s.Sqlite))];

    /// <summary>The steps as PostgreSQL runs them.</summary>
    public static IReadOnlyList<MigrationStep> ForPostgres { get; } = [.. Steps.Select(s => new MigrationStep(s.Version, s.Postgres))];
}
