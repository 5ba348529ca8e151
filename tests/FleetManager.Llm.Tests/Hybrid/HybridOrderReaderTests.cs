using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Llm.Hybrid;
using FleetManager.Llm.Tests.Support;
using FleetManager.Mail.Parsing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace FleetManager.Llm.Tests.Hybrid;

public sealed class HybridOrderReaderTests(ITestOutputHelper output)
{
    /// <summary>A model that answers "other" and counts its calls.</summary>
    private sealed class CountingModel : IOrderReader
    {
        public int Calls { get; private set; }

        public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(new EmailResult { MessageId = email.MessageId, Classification = Classification.Other });
        }
    }

    private static HybridOrderReader Reader(IOrderReader model, double threshold = 0.6)
        => new(new RulesOrderReader(), model, threshold, NullLogger<HybridOrderReader>.Instance);

    [Fact]
    public async Task ReadAsync_LabelledOrder_IsAnsweredByTheRulesWithoutACall()
    {
        var model = new CountingModel();
        var result = await Reader(model).ReadAsync(TestEmails.Order(), CancellationToken.None);

        Assert.Equal(Classification.Order, result.Classification);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public async Task ReadAsync_OrderWithoutStops_GoesToTheModel()
    {
        var model = new CountingModel();
        var email = TestEmails.Order() with
        {
            Subject = "Transportauftrag TO-2 dringend",
            Body = "Bitte übernehmen Sie den Transportauftrag TO-2: 24 t, 33 Paletten, Planensattel, Preis 1.450 EUR, Ladetermin 03.01.",
        };

        var reader = Reader(model);
        await reader.ReadAsync(email, CancellationToken.None);

        Assert.Equal(1, model.Calls);
        Assert.Equal(1, reader.ModelCalls);
    }

    [Fact]
    public async Task ReadAsync_NotAnOrder_IsAnsweredByTheRules()
    {
        var model = new CountingModel();
        var email = TestEmails.Order() with { Subject = "Rechnung 2026-114", Body = "Anbei die Rechnung 2026-114. IBAN DE12 3456, fällig bis 01.12.2026, MwSt 19 %." };

        var result = await Reader(model).ReadAsync(email, CancellationToken.None);

        Assert.NotEqual(Classification.Order, result.Classification);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public void WhyUnsure_OrderBelowThreshold_GivesTheReason()
    {
        var order = new TransportOrder { Confidence = new OrderConfidence { Order = 0.2, Low = true, Reason = "no loading stop found" } };
        var result = new EmailResult { MessageId = "<m@x>", Classification = Classification.Order, Orders = [order] };

        Assert.Equal("no loading stop found", HybridOrderReader.WhyUnsure(result, 0.6));
        Assert.Null(HybridOrderReader.WhyUnsure(result, 0.1));
    }

    /// <summary>Model calls per message on the labelled corpora (docs/benchmarks.md reports these figures).</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("dev2")]
    public async Task ReadAsync_LabelledCorpus_CallsTheModelForFewMessages(string corpus)
    {
        var directory = Path.Combine(Path.GetDirectoryName(DevCorpus.Directory)!, corpus);
        var parser = new MimeEmailParser();
        var model = new CountingModel();
        var reader = Reader(model);
        foreach (var eml in Directory.EnumerateFiles(directory, "*.eml").Order(StringComparer.Ordinal))
        {
            await reader.ReadAsync(parser.Parse(new RawMessage(eml, File.ReadAllBytes(eml))), CancellationToken.None);
        }

        var perMessage = (double)model.Calls / reader.Messages;
        output.WriteLine($"hybrid on {corpus}: {model.Calls} model calls for {reader.Messages} messages ({perMessage:0.000} per message)");
        Assert.True(perMessage < 0.5, $"{perMessage:0.000} model calls per message");
    }
}
