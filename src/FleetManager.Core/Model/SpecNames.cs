using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FleetManager.Core.Model;

/// <summary>
/// One of the spec's closed vocabularies: each value's name as order-format.md writes it, read from the
/// enum's <c>[JsonStringEnumMemberName]</c> attributes through the source-generated JSON context, so the
/// names are written once (on the enum) and the store, the model schema and the CLI use the same ones.
/// </summary>
public sealed class SpecNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _names = [];
    private readonly Dictionary<string, TEnum> _values = new(StringComparer.Ordinal);

    internal SpecNames(JsonTypeInfo<TEnum> json)
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            using var written = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(value, json));
            var name = written.RootElement.GetString()!;
            _names[value] = name;
            _values[name] = value;
        }

        Names = [.. _names.Values];
    }

    /// <summary>Every name, in the enum's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The spec's name of <paramref name="value"/>.</summary>
    public string Of(TEnum value) => _names[value];

    /// <summary>The value named <paramref name="name"/> exactly as the spec writes it, or null.</summary>
    public TEnum? Find(string? name) => name is not null && _values.TryGetValue(name, out var value) ? value : null;
}
