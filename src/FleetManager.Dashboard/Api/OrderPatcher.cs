using System.Globalization;
using System.Text.Json;
using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Api;

/// <summary>
/// Applies a <see cref="OrderPatchRequest"/> with the rules of the order page's form (<see cref="OrderFieldEditor"/>
/// checks each value; one audit row per changed field, the value stored as the editor writes it back), but all or
/// nothing: every value is checked first, and one that does not fit refuses the request with nothing written.
/// </summary>
public static class OrderPatcher
{
    /// <summary>The request's field values as text (the form's values); errors for values that are neither text, number, boolean nor null.</summary>
    public static Dictionary<string, string?> FieldValues(OrderPatchRequest request, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, value) in request.Fields ?? new Dictionary<string, JsonElement>())
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    values[field] = value.GetString();
                    break;
                case JsonValueKind.Number:
                    // The number as written (12500, 13.6): the editor parses it with the invariant culture, like a form value.
                    values[field] = value.GetRawText();
                    break;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    values[field] = value.GetBoolean() ? "true" : "false";
                    break;
                case JsonValueKind.Null:
                    values[field] = null;
                    break;
                default:
                    errors[field] = $"{field}: expected a string, a number, true, false or null.";
                    break;
            }
        }

        return values;
    }

    /// <summary>
    /// The changes <paramref name="values"/> make to <paramref name="current"/> (field, value before, value after), in the
    /// request's order; a value that does not fit goes to <paramref name="errors"/> under its field name.
    /// </summary>
    public static List<(string Field, string? Before, string? After)> Changes(TransportOrder current, IReadOnlyDictionary<string, string?> values, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        var changes = new List<(string, string?, string?)>();
        var candidate = current;
        foreach (var (field, value) in values)
        {
            if (!OrderFieldEditor.IsField(candidate, field))
            {
                errors[field] = $"{field} is not a correctable field of this order (names as weight_kg, price.amount, stops[0].city).";
                continue;
            }

            var before = OrderFieldEditor.Read(candidate, field);
            if (!OrderFieldEditor.TrySet(candidate, field, value, out var updated, out var problem))
            {
                errors[field] = problem ?? $"{field}: the value does not fit.";
                continue;
            }

            // What is stored is the value as the editor writes it back (12500.0 → 12500); an equal value is no correction.
            var after = OrderFieldEditor.Read(updated, field);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add((field, before, after));
            }

            candidate = updated;
        }

        return changes;
    }

    /// <summary>The status named <paramref name="text"/>; null with an error under <c>status</c> when it names none.</summary>
    public static OrderStatus? Status(string? text, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return null;
        }

        if (OrderStatusNames.TryParse(text, out var status))
        {
            return status;
        }

        errors["status"] = string.Create(CultureInfo.InvariantCulture, $"status: expected one of {string.Join(", ", OrderStatusNames.All.Select(OrderStatusNames.Of))}.");
        return null;
    }
}
