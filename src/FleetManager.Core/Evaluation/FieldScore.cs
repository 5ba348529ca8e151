namespace FleetManager.Core.Evaluation;

/// <summary>
/// Counts for one scored field: how often the program gave a value (<see cref="Predicted"/>), how often
/// the expected file has one (<see cref="Expected"/>), and how many of those agreed (<see cref="Correct"/>).
/// </summary>
public sealed record FieldScore(string Field, int Predicted, int Expected, int Correct)
{
    public double Precision => Predicted == 0 ? 1.0 : (double)Correct / Predicted;
    public double Recall => Expected == 0 ? 1.0 : (double)Correct / Expected;
}
