using Npgsql;
using NpgsqlTypes;

namespace FleetManager.Storage.Postgres;

/// <summary>Typed Npgsql parameters as the schema's columns want them, for every PostgreSQL room.</summary>
internal static class PostgresParameters
{
    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>
    /// A text value without NUL characters: PostgreSQL's text cannot hold U+0000 ("invalid byte sequence for encoding
    /// UTF8: 0x00"), and a mail with one in its subject or a field stopped every import and poll at that message. A NUL
    /// shows as nothing where mail is read, so it is dropped; the raw message keeps it (bytea).
    /// </summary>
    public static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "", StringComparison.Ordinal) : value };

    public static NpgsqlParameter Date(DateOnly? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Date, Value = value is { } date ? date : DBNull.Value };

    public static NpgsqlParameter Time(TimeOnly? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Time, Value = value is { } time ? time : DBNull.Value };

    public static NpgsqlParameter Numeric(decimal? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Numeric, Value = value is { } number ? number : DBNull.Value };

    public static NpgsqlParameter Double(double? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Double, Value = value is { } number ? number : DBNull.Value };

    /// <summary>timestamptz takes UTC instants only (Npgsql refuses other offsets).</summary>
    public static NpgsqlParameter Instant(DateTimeOffset value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.ToUniversalTime() };
}
