using FleetManager.Core.Model;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests;

/// <summary>An order book with two orders whose text invites formula injection, for the export tests.</summary>
internal sealed class ExportFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    private ExportFixture() => Book = SqliteOrderBook.Open(_temp.File("orders.db"));

    /// <summary>A fresh book holding the two orders.</summary>
    public static async Task<ExportFixture> CreateAsync()
    {
        var fixture = new ExportFixture();
        var book = fixture.Book;
        var message = SampleOrders.Message("m1");
        var plain = SampleOrders.Order(reference: "TO-1");
        var hostile = SampleOrders.Order(reference: "-TO-2", customer: "=HYPERLINK(\"http://evil.example\",\"click\")") with
        {
            TemperatureMinC = -18m,
            TemperatureMaxC = -2.5m,
            Adr = null,
            Price = null,
            SpecialRequirements = "@SUM(A1:A2), then \"quotes\", commas",
            Contact = new Contact("Jürgen Haberl", "+49 89 4161 2270", null),
        };
        await book.CommitAsync(message, SampleOrders.Result(message, plain, hostile), CancellationToken.None);
        return fixture;
    }

    public SqliteOrderBook Book { get; }

    public string File(string name) => _temp.File(name);

    public void Dispose()
    {
        Book.Dispose();
        _temp.Dispose();
    }
}
