namespace FleetManager.Core.Model;

/// <summary>What produced an extracted value, from the strongest evidence to the weakest.</summary>
public enum EvidenceKind
{
    /// <summary>Read after a label that names the field ("Gewicht: 24 t", "Lastningsplats: …").</summary>
    Label,

    /// <summary>Inferred from the text's structure: a phrase with its unit, a table column, a line of a stop block.</summary>
    Structure,

    /// <summary>Taken without evidence the engine can point at (a default, a fallback).</summary>
    Guess,
}
