namespace FleetManager.Core.Evaluation;

/// <summary>The scores of an evaluation run, by the rules of order-format.md ("How extraction is scored").</summary>
public sealed record EvaluationReport
{
    public int Messages { get; init; }
    public int ClassifiedCorrectly { get; init; }
    public double ClassificationAccuracy => Messages == 0 ? 0 : (double)ClassifiedCorrectly / Messages;

    /// <summary>Precision of the <c>order</c> class: of the messages called orders, how many are.</summary>
    public double OrderClassPrecision { get; init; }

    /// <summary>Recall of the <c>order</c> class: of the order messages, how many were called orders.</summary>
    public double OrderClassRecall { get; init; }

    public int OrdersPredicted { get; init; }
    public int OrdersExpected { get; init; }
    public int OrdersPaired { get; init; }
    public double OrderPrecision => OrdersPredicted == 0 ? 1.0 : (double)OrdersPaired / OrdersPredicted;
    public double OrderRecall => OrdersExpected == 0 ? 1.0 : (double)OrdersPaired / OrdersExpected;

    public IReadOnlyList<FieldScore> Fields { get; init; } = [];
    public double FieldPrecision { get; init; }
    public double FieldRecall { get; init; }
    public double FieldF1 => FieldPrecision + FieldRecall == 0 ? 0 : 2 * FieldPrecision * FieldRecall / (FieldPrecision + FieldRecall);

    /// <summary>Classification errors as (message id, expected, actual).</summary>
    public IReadOnlyList<FieldMismatch> Mismatches { get; init; } = [];
}
