namespace FleetManager.Core.Model;

/// <summary>
/// Where in a message's analysed text a value was found (character offset and length),
/// kept so a reviewer can be shown the evidence for each field.
/// </summary>
public readonly record struct TextSpan(int Start, int Length);
