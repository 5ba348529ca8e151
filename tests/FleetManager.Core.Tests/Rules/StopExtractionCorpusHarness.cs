using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetManager.Core.Evaluation;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Core.Tests.Rules;

/// <summary>
/// Dev harness: runs the rules engine's extraction on the corpus messages labelled as orders
/// (classification skipped, so stop extraction can be measured on its own) and prints the
/// per-field table. Asserts only on the fields the stop side owns.
/// </summary>
public sealed class StopExtractionCorpusHarness(ITestOutputHelper output)
{
    private static readonly string[] StopFields =
    [
        "loading.postal_code", "loading.city", "loading.country", "loading.date",
        "unloading.postal_code", "unloading.city", "unloading.country", "unloading.date",
    ];

    [Fact]
    public void ReadAsOrder_DevCorpusOrders_StopFieldsScoreAtLeastNinetyPercent() => Measure("dev", floor: 0.9, sameOrderCount: true);

    /// <summary>
    /// dev2 (Nordic, Baltic, Balkan, Greek, Turkish, Ukrainian mail) read as orders: the floor guards
    /// what the stop readers reach today, below the goal of 0.9.
    /// </summary>
    [Fact]
    public void ReadAsOrder_Dev2CorpusOrders_StopFieldsKeepTheirFloor() => Measure("dev2", floor: Dev2Floor, sameOrderCount: false);

    /// <summary>Every stop field's precision and recall on dev2 stays above this (lowest measured: recall of unloading.date, 0.24).</summary>
    private const double Dev2Floor = 0.2;

    private void Measure(string name, double floor, bool sameOrderCount)
    {
        // A missing corpus fails: a harness that passes on nothing proves nothing.
        var corpus = CorpusLocator.Corpus(name) ?? throw new Xunit.Sdk.XunitException($"the {name} corpus was not found (../shared/corpus/{name} beside the repository)");

        var parser = new MimeEmailParser();
        var reader = new RulesOrderReader();
        var scorer = new ExtractionScorer();
        var dump = Environment.GetEnvironmentVariable("FM_DUMP_DIR");
        foreach (var eml in Directory.EnumerateFiles(corpus, "*.eml").Order(StringComparer.Ordinal))
        {
            var expected = JsonSerializer.Deserialize(File.ReadAllBytes(Path.ChangeExtension(eml, ".expected.json")), FleetManagerJsonContext.Default.EmailResult)!;
            if (expected.Classification != Classification.Order)
            {
                continue;
            }

            var email = parser.Parse(new RawMessage(eml, File.ReadAllBytes(eml)));
            var actual = reader.ReadAsOrder(email);

            scorer.Add(expected with { MessageId = Path.GetFileNameWithoutExtension(eml) }, actual with { MessageId = Path.GetFileNameWithoutExtension(eml) });
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                var sb = new StringBuilder();
                sb.AppendLine(RulesDocument.From(email).Text).AppendLine("=====ACTUAL").AppendLine(JsonSerializer.Serialize(actual, FleetManagerJsonContext.Indented.EmailResult));
                File.WriteAllText(Path.Combine(dump, Path.GetFileNameWithoutExtension(eml) + ".txt"), sb.ToString());
            }
        }

        var report = scorer.Report();
        output.WriteLine($"orders predicted {report.OrdersPredicted}, expected {report.OrdersExpected}, paired {report.OrdersPaired}");
        output.WriteLine("field                     pred  exp  ok   prec   rec");
        foreach (var f in report.Fields)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Field,-25} {f.Predicted,4} {f.Expected,4} {f.Correct,4}  {Ratio(f.Correct, f.Predicted),5:0.000} {Ratio(f.Correct, f.Expected),5:0.000}"));
        }

        foreach (var m in report.Mismatches.Where(m => StopFields.Contains(m.Field) || m.Field == "classification"))
        {
            output.WriteLine($"  {m}");
        }

        foreach (var field in report.Fields.Where(f => StopFields.Contains(f.Field)))
        {
            Assert.True(Ratio(field.Correct, field.Predicted) >= floor, $"{field.Field} precision");
            Assert.True(Ratio(field.Correct, field.Expected) >= floor, $"{field.Field} recall");
        }

        if (sameOrderCount)
        {
            Assert.Equal(report.OrdersExpected, report.OrdersPredicted);
        }
    }

    private static double Ratio(int a, int b) => b == 0 ? 1.0 : (double)a / b;
}
