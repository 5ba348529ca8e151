namespace FleetManager.Llm.Schema;

/// <summary>The JSON value kinds an answer schema uses (the subset both Gemini and OpenAI strict mode accept).</summary>
public enum SchemaKind
{
    String,
    Number,
    Integer,
    Boolean,
    Array,
    Object,
}
