using FleetManager.Storage.Postgres;

namespace FleetManager.Storage.Tests.Postgres;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Parse_Uri_TranslatesEveryPartToNpgsqlKeywords()
    {
        var builder = PostgresConnectionString.Parse("postgres://fleet%40ops:p%3Ass@db.internal:6543/fleet_prod?sslmode=require&application_name=fm");

        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("fleet@ops", builder.Username);
        Assert.Equal("p:ss", builder.Password);
        Assert.Equal("fleet_prod", builder.Database);
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("fm", builder.ApplicationName);
    }

    [Fact]
    public void Parse_UriWithoutPort_KeepsTheDefaultPort()
    {
        var builder = PostgresConnectionString.Parse("postgresql://db/fleet");

        Assert.Equal(5432, builder.Port);
        Assert.Equal("db", builder.Host);
    }

    [Fact]
    public void Parse_KeywordString_PassesThrough()
    {
        var builder = PostgresConnectionString.Parse("Host=db;Port=5433;Database=fleet;Username=fm;Password=pw");

        Assert.Equal(5433, builder.Port);
        Assert.Equal("pw", builder.Password);
    }

    [Fact]
    public void Describe_Builder_NeverShowsThePassword()
    {
        var text = PostgresConnectionString.Describe(PostgresConnectionString.Parse("postgres://fm:topsecret@db:5432/fleet"));

        Assert.Equal("postgresql://db:5432/fleet", text);
    }
}
