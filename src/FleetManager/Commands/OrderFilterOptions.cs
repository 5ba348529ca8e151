using System.CommandLine;
using FleetManager.Core.Model;
using FleetManager.Storage;

namespace FleetManager.Commands;

/// <summary>The filters that <c>orders list</c> and <c>orders export</c> share.</summary>
internal sealed class OrderFilterOptions
{
    private readonly Option<DateOnly?> _from = new("--from") { Description = "Loading date on or after (YYYY-MM-DD).", CustomParser = CommandValueParsers.IsoDate };
    private readonly Option<DateOnly?> _to = new("--to") { Description = "Loading date on or before (YYYY-MM-DD).", CustomParser = CommandValueParsers.IsoDate };
    private readonly Option<string?> _country = new("--country") { Description = "ISO country code of the loading or unloading place (DE, PL ...)." };
    private readonly Option<string?> _customer = new("--customer") { Description = "Customer name contains this text (case and accents ignored)." };
    private readonly Option<string?> _reference = new("--reference") { Description = "The sender's reference number." };
    private readonly Option<string?> _type = new("--type") { Description = "booking, quote_request or load_offer." };
    private readonly Option<int?> _limit = new("--limit") { Description = "At most this many orders (a whole number of at least 1).", CustomParser = CommandValueParsers.PositiveCount };

    public OrderFilterOptions() => _type.AcceptOnlyFromAmong([.. SpecVocabulary.RequestTypes.Names]);

    public void AddTo(Command command)
    {
        command.Options.Add(_from);
        command.Options.Add(_to);
        command.Options.Add(_country);
        command.Options.Add(_customer);
        command.Options.Add(_reference);
        command.Options.Add(_type);
        command.Options.Add(_limit);
    }

    public OrderQuery ToQuery(ParseResult parse) => new()
    {
        LoadingFrom = parse.GetValue(_from),
        LoadingTo = parse.GetValue(_to),
        Country = parse.GetValue(_country),
        CustomerContains = parse.GetValue(_customer),
        ReferenceNumber = parse.GetValue(_reference),
        RequestType = SpecVocabulary.RequestTypes.Find(parse.GetValue(_type)),
        Limit = parse.GetValue(_limit),
    };
}
