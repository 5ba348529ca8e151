using System.Text.Json.Nodes;

namespace FleetManager.Llm.Schema;

/// <summary>
/// One node of the answer schema, written once and rendered for each API: Gemini's OpenAPI subset
/// (<see cref="ToGeminiSchema"/>: upper-case types, <c>nullable</c>, <c>propertyOrdering</c>, no
/// <c>$ref</c>) and OpenAI's strict JSON Schema (<see cref="ToOpenAiSchema"/>: every property required,
/// <c>additionalProperties: false</c>, optional values as a union with null). The same node validates
/// the answer (<see cref="AnswerValidator"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The factory methods are named after JSON Schema's types (Integer, Object).")]
public sealed record SchemaNode
{
    public required SchemaKind Kind { get; init; }

    /// <summary>Null is an allowed value (the spec's "null if not given").</summary>
    public bool Nullable { get; init; }

    public string? Description { get; init; }

    /// <summary>The closed set of string values, when the spec gives one.</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>The element schema of an array.</summary>
    public SchemaNode? Items { get; init; }

    /// <summary>The properties of an object, in the order the answer should give them (all required).</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties { get; init; } = [];

    public static SchemaNode Text(string? description = null, bool nullable = true) => new() { Kind = SchemaKind.String, Nullable = nullable, Description = description };

    public static SchemaNode Number(string? description = null) => new() { Kind = SchemaKind.Number, Nullable = true, Description = description };

    public static SchemaNode Integer(string? description = null) => new() { Kind = SchemaKind.Integer, Nullable = true, Description = description };

    public static SchemaNode Boolean(string? description = null) => new() { Kind = SchemaKind.Boolean, Nullable = true, Description = description };

    public static SchemaNode OneOf(IReadOnlyList<string> values, string? description = null, bool nullable = true) =>
        new() { Kind = SchemaKind.String, Enum = values, Nullable = nullable, Description = description };

    public static SchemaNode ArrayOf(SchemaNode items, string? description = null) => new() { Kind = SchemaKind.Array, Items = items, Description = description };

    public static SchemaNode Object(bool nullable, string? description, params (string Name, SchemaNode Node)[] properties) => new()
    {
        Kind = SchemaKind.Object,
        Nullable = nullable,
        Description = description,
        Properties = properties.Select(p => KeyValuePair.Create(p.Name, p.Node)).ToList(),
    };

    /// <summary>Gemini <c>generationConfig.responseSchema</c> (OpenAPI 3.0 subset).</summary>
    public JsonObject ToGeminiSchema()
    {
        var schema = new JsonObject { ["type"] = Kind.ToString().ToUpperInvariant() };
        if (Description is not null)
        {
            schema["description"] = Description;
        }

        if (Nullable)
        {
            schema["nullable"] = true;
        }

        if (Enum is not null)
        {
            schema["format"] = "enum";
            schema["enum"] = new JsonArray(Enum.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        }

        if (Items is not null)
        {
            schema["items"] = Items.ToGeminiSchema();
        }

        if (Kind == SchemaKind.Object)
        {
            var properties = new JsonObject();
            foreach (var (name, node) in Properties)
            {
                properties[name] = node.ToGeminiSchema();
            }

            schema["properties"] = properties;
            schema["required"] = Names();
            schema["propertyOrdering"] = Names();
        }

        return schema;
    }

    /// <summary>OpenAI <c>response_format.json_schema.schema</c> in strict mode.</summary>
    public JsonObject ToOpenAiSchema()
    {
        var type = Kind.ToString().ToLowerInvariant();
        if (Kind == SchemaKind.Object)
        {
            var properties = new JsonObject();
            foreach (var (name, node) in Properties)
            {
                properties[name] = node.ToOpenAiSchema();
            }

            var obj = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = Names(),
                ["additionalProperties"] = false,
            };
            if (Description is not null)
            {
                obj["description"] = Description;
            }

            // A nullable object is a union with null (strict mode has no "nullable").
            return Nullable ? new JsonObject { ["anyOf"] = new JsonArray(obj, new JsonObject { ["type"] = "null" }) } : obj;
        }

        var schema = new JsonObject
        {
            ["type"] = Nullable ? new JsonArray(type, "null") : type,
        };
        if (Description is not null)
        {
            schema["description"] = Description;
        }

        if (Enum is not null)
        {
            var values = new JsonArray(Enum.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            if (Nullable)
            {
                values.Add(null);
            }

            schema["enum"] = values;
        }

        if (Items is not null)
        {
            schema["items"] = Items.ToOpenAiSchema();
        }

        return schema;
    }

    private JsonArray Names() => new(Properties.Select(p => (JsonNode)JsonValue.Create(p.Key)).ToArray());
}
