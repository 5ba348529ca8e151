namespace FleetManager.Llm.Prompting;

/// <summary>An attachment sent to the model as bytes (a PDF or an image).</summary>
public sealed record PromptFile(string FileName, string MimeType, ReadOnlyMemory<byte> Content);
