namespace FleetManager.Llm.Prompting;

/// <summary>
/// What one model request carries for an email: the instructions, the email as text, and the
/// attachments sent as files (PDFs and images inline, within the size limit).
/// </summary>
/// <param name="Instructions">The system instruction (the spec's rules, condensed).</param>
/// <param name="Text">The email: headers, new text, quoted text, text attachments.</param>
/// <param name="Files">Attachments sent as bytes, in the order the email gives them.</param>
public sealed record OrderPrompt(string Instructions, string Text, IReadOnlyList<PromptFile> Files);
