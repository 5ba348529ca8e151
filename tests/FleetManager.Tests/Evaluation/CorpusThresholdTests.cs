using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Evaluation;

/// <summary>The quality bar of the offline reader on the labelled development corpus (../shared/corpus/dev).</summary>
public sealed class CorpusThresholdTests(ITestOutputHelper output)
{
    [Fact]
    public void Eval_DevCorpus_MeetsClassificationAndFieldThresholds()
    {
        Assert.True(Directory.Exists(RepoPaths.DevCorpus), "the labelled corpus must be at " + RepoPaths.DevCorpus);

        var report = EvalCommand.Evaluate(RepoPaths.DevCorpus);

        foreach (var f in report.Fields)
        {
            output.WriteLine($"{f.Field,-24} P {f.Precision:0.000} R {f.Recall:0.000}");
        }

        output.WriteLine($"classification {report.ClassificationAccuracy:0.000}, field F1 {report.FieldF1:0.000}");
        Assert.Equal(80, report.Messages);
        Assert.True(report.ClassificationAccuracy >= 0.95, $"classification accuracy {report.ClassificationAccuracy:0.000} < 0.95");
        Assert.True(report.FieldF1 >= 0.90, $"field F1 {report.FieldF1:0.000} < 0.90");
    }

    /// <summary>
    /// The second labelled set (Nordic, Baltic, Balkan, Greek, Turkish, Ukrainian mail): classification
    /// meets the 0.95 goal; the field F1 is held at the level reached so far (0.61 when written, 0.697 after the reference, pallet and currency vocabularies; the goal
    /// is 0.90 and needs the stop readers' layouts, issue 13), so a change that loses ground fails here.
    /// </summary>
    [Fact]
    public void Eval_Dev2Corpus_MeetsClassificationGoalAndHoldsFieldLevel()
    {
        var dev2 = Path.Combine(Path.GetDirectoryName(RepoPaths.DevCorpus)!, "dev2");
        Assert.True(Directory.Exists(dev2), "the second labelled corpus must be at " + dev2);

        var report = EvalCommand.Evaluate(dev2);

        output.WriteLine($"classification {report.ClassificationAccuracy:0.000}, field F1 {report.FieldF1:0.000}");
        Assert.Equal(48, report.Messages);
        Assert.True(report.ClassificationAccuracy >= 0.95, $"classification accuracy {report.ClassificationAccuracy:0.000} < 0.95");
        Assert.True(report.FieldF1 >= 0.69, $"field F1 {report.FieldF1:0.000} < 0.69");
        // Reference numbers from the language files' labels and the subject's code (0.512 when raised; 0.163 before).
        var reference = report.Fields.Single(f => f.Field == "reference_number");
        Assert.True(reference.Recall >= 0.50, $"reference_number recall {reference.Recall:0.000} < 0.50");
    }

    [Fact]
    public void Eval_Samples_ReadsTheProjectsOwnMailboxWell()
    {
        var report = EvalCommand.Evaluate(RepoPaths.Samples);

        output.WriteLine($"classification {report.ClassificationAccuracy:0.000}, field F1 {report.FieldF1:0.000}");
        Assert.True(report.Messages >= 12);
        Assert.True(report.ClassificationAccuracy >= 0.9, $"classification accuracy {report.ClassificationAccuracy:0.000}");
        Assert.True(report.FieldF1 >= 0.8, $"field F1 {report.FieldF1:0.000}");
    }
}
