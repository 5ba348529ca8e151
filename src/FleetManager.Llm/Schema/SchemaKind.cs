namespace FleetManager.Llm.Schema;

/// <summary>The JSON value kinds an answer schema uses (the subset both Gemini and OpenAI strict mode accept).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The members are JSON Schema's own type names.")]
public enum SchemaKind
{
    String,
    Number,
    Integer,
    Boolean,
    Array,
    Object,
}
