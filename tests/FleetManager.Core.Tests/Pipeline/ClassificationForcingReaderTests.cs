using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using Xunit;
using static FleetManager.Core.Tests.Pipeline.FakePipeline;

namespace FleetManager.Core.Tests.Pipeline;

public sealed class ClassificationForcingReaderTests
{
    private static readonly Email Order = new SubjectParser().Parse(Message("o", "order please"));
    private static readonly Email Chat = new SubjectParser().Parse(Message("c", "lunch on friday?"));

    [Fact]
    public async Task ReadAsync_AnOrderForcedToOther_AnswersOtherWithoutOrders()
    {
        var result = await new ClassificationForcingReader(new KeywordReader(), Classification.Other).ReadAsync(Order, CancellationToken.None);

        Assert.Equal(Classification.Other, result.Classification);
        Assert.Empty(result.Orders);
    }

    [Fact]
    public async Task ReadAsync_OtherForcedToOrderByAReaderThatCannotForce_InventsNoOrder()
    {
        var result = await new ClassificationForcingReader(new KeywordReader(), Classification.Order).ReadAsync(Chat, CancellationToken.None);

        Assert.Equal(Classification.Order, result.Classification);
        Assert.Empty(result.Orders);
    }

    [Fact]
    public async Task ReadAsync_TheRulesReaderForcedToOrder_ExtractsTheOrderItsClassifierTurnedDown()
    {
        // An order's text with nothing that makes the classifier call it an order (no order words, no subject).
        var email = new Email
        {
            MessageId = "<forced@test>",
            Subject = "",
            Body = "Felixstowe IP11 3QD, GB 02.12.2026 08:00 -> Suchy Las 62-002, PL 04.12.2026\n24 pallets 9800 kg",
        };
        var rules = new RulesOrderReader();
        Assert.NotEqual(Classification.Order, rules.Read(email).Classification);

        var forced = await new ClassificationForcingReader(rules, Classification.Order).ReadAsync(email, CancellationToken.None);

        Assert.Equal(Classification.Order, forced.Classification);
        Assert.NotEmpty(forced.Orders);
        Assert.Equal(rules.ReadAsOrder(email).Orders.Count, forced.Orders.Count);
    }

    [Fact]
    public async Task ReadAsync_AMessageTheReaderQuarantines_StaysQuarantined()
    {
        var quarantining = new QuarantiningReader();

        var result = await new ClassificationForcingReader(quarantining, Classification.Order).ReadAsync(Order, CancellationToken.None);

        Assert.Null(result.Classification);
        Assert.Equal("refused", result.Error);
    }

    private sealed class QuarantiningReader : IOrderReader
    {
        public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken) =>
            ValueTask.FromResult(EmailResult.Quarantined(email.MessageId, "refused"));
    }
}
