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

    public static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value };

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
