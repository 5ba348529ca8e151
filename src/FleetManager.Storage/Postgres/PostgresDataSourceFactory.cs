using Npgsql;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// Builds every Npgsql data source the store uses, with only the type mappings the store's SQL needs.
/// </summary>
/// <remarks>
/// <see cref="NpgsqlDataSource.Create(NpgsqlConnectionStringBuilder)"/> and <c>new NpgsqlConnection(text)</c> register
/// all of Npgsql's mappings (JSON, ranges, geometry, network, full-text search, records…), which the Native AOT
/// executable then has to carry although no query reads them. The store reads and writes text, integers, booleans,
/// numeric, double, date, time, timestamptz and bytea (Npgsql's basic mappings) and one bigint[] parameter (the
/// outbox's <c>id = ANY($2)</c>), so arrays are the one extra mapping. TLS stays available (sslmode in the
/// connection string) and so does Kerberos/GSS, because a user's server may require either.
/// </remarks>
internal static class PostgresDataSourceFactory
{
    /// <summary>A data source for <paramref name="builder"/>'s connection string; the caller disposes it.</summary>
    public static NpgsqlDataSource Create(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataSourceBuilder = new NpgsqlSlimDataSourceBuilder(builder.ConnectionString);
        dataSourceBuilder.EnableArrays();
        dataSourceBuilder.EnableTransportSecurity();
        dataSourceBuilder.EnableIntegratedSecurity();
        return dataSourceBuilder.Build();
    }
}
