using System.Text.Json;

namespace FleetManager.Llm.Schema;

/// <summary>
/// Checks a model's answer against the answer schema: every property of the schema present with a
/// value of its kind (or null where allowed), enum values within their set. Numbers written as text
/// ("24 t") pass, since the normaliser reads them with the rules engine's unit parsers; unknown
/// properties are ignored. Returns the first problems found, phrased for the repair request.
/// </summary>
public static class AnswerValidator
{
    private const int MaxProblems = 5;

    public static IReadOnlyList<string> Validate(JsonElement answer, SchemaNode schema)
    {
        var problems = new List<string>();
        Check(answer, schema, "$", problems);
        return problems;
    }

    private static void Check(JsonElement value, SchemaNode schema, string path, List<string> problems)
    {
        if (problems.Count >= MaxProblems)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!schema.Nullable)
            {
                problems.Add($"{path} must not be null");
            }

            return;
        }

        switch (schema.Kind)
        {
            case SchemaKind.Object when value.ValueKind == JsonValueKind.Object:
                foreach (var (name, node) in schema.Properties)
                {
                    if (value.TryGetProperty(name, out var property))
                    {
                        Check(property, node, path + "." + name, problems);
                    }
                    else if (!node.Nullable)
                    {
                        problems.Add($"{path}.{name} is missing");
                    }
                }

                return;
            case SchemaKind.Array when value.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, schema.Items!, $"{path}[{index++}]", problems);
                }

                return;
            case SchemaKind.String when value.ValueKind == JsonValueKind.String:
                if (schema.Enum is { } allowed && !allowed.Contains(value.GetString()!.Trim().ToLowerInvariant(), StringComparer.Ordinal))
                {
                    problems.Add($"{path} must be one of {string.Join(", ", allowed)}");
                }

                return;
            case SchemaKind.Number or SchemaKind.Integer when value.ValueKind is JsonValueKind.Number:
                // 1e30 kg parses as JSON but fits no field: an invalid answer (repaired, then quarantined
                // with this reason), not an overflow deep in the normaliser.
                if (!value.TryGetDecimal(out var number) || (schema.Kind == SchemaKind.Integer && Math.Abs(number) > int.MaxValue))
                {
                    problems.Add($"{path} is out of range ({value.GetRawText()})");
                }

                return;
            case SchemaKind.Number or SchemaKind.Integer when value.ValueKind is JsonValueKind.String:
            case SchemaKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return;
            default:
                problems.Add($"{path} must be {Article(schema.Kind)}{(schema.Nullable ? " or null" : "")}, not {value.ValueKind.ToString().ToLowerInvariant()}");
                return;
        }
    }

    private static string Article(SchemaKind kind) => kind switch
    {
        SchemaKind.Array => "an array",
        SchemaKind.Object => "an object",
        SchemaKind.Integer => "an integer",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
