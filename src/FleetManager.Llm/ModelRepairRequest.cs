namespace FleetManager.Llm;

/// <summary>The second call after an invalid answer: the answer given and what is wrong with it.</summary>
public sealed record ModelRepairRequest(string InvalidAnswer, string Problem)
{
    /// <summary>The user turn that asks for the fix.</summary>
    public string Instruction =>
        $"Your answer was not valid for the schema: {Problem}. Answer again with the complete, corrected JSON object only, no other text.";
}
