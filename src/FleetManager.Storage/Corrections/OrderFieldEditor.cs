using System.Globalization;
using FleetManager.Core.Model;

namespace FleetManager.Storage.Corrections;

/// <summary>
/// Reads and sets an order's fields by their spec names (<c>weight_kg</c>, <c>price.amount</c>,
/// <c>stops[1].city</c>), as text: what the dashboard's form shows, what a correction stores, and how a
/// stored correction is applied again to the order as read (so every export shows the corrected value).
/// </summary>
public static class OrderFieldEditor
{
    /// <summary>The order-level fields a person may correct, in the order the form shows them.</summary>
    public static IReadOnlyList<string> OrderFields { get; } =
    [
        "reference_number", "request_type", "customer", "cargo_description", "weight_kg", "pallets", "loading_meters",
        "vehicle_type", "adr", "temperature_min_c", "temperature_max_c", "price.amount", "price.currency",
        "special_requirements", "contact.name", "contact.phone", "contact.email",
    ];

    /// <summary>The fields of each stop a person may correct (as <c>stops[N].NAME</c>).</summary>
    public static IReadOnlyList<string> StopFields { get; } =
        ["company", "address", "postal_code", "city", "country", "date", "time_from", "time_to"];

    /// <summary>Every correctable field name of <paramref name="order"/> (its order fields, then each stop's).</summary>
    public static IEnumerable<string> FieldsOf(TransportOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        foreach (var field in OrderFields)
        {
            yield return field;
        }

        for (var i = 0; i < order.Stops.Count; i++)
        {
            foreach (var field in StopFields)
            {
                yield return $"stops[{i}].{field}";
            }
        }
    }

    /// <summary>The field's value as text (invariant numbers, ISO dates, <c>HH:mm</c>, spec names); null when empty.</summary>
    public static string? Read(TransportOrder order, string field)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (TryStop(field, order, out var index, out var name))
        {
            var stop = order.Stops[index];
            return name switch
            {
                "company" => stop.Company,
                "address" => stop.Address,
                "postal_code" => stop.PostalCode,
                "city" => stop.City,
                "country" => stop.Country,
                "date" => stop.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "time_from" => stop.TimeFrom?.ToString("HH:mm", CultureInfo.InvariantCulture),
                "time_to" => stop.TimeTo?.ToString("HH:mm", CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        return field switch
        {
            "reference_number" => order.ReferenceNumber,
            "request_type" => order.RequestType is { } type ? SpecText.Of(type) : null,
            "customer" => order.Customer,
            "cargo_description" => order.CargoDescription,
            "weight_kg" => Number(order.WeightKg),
            "pallets" => order.Pallets?.ToString(CultureInfo.InvariantCulture),
            "loading_meters" => Number(order.LoadingMeters),
            "vehicle_type" => order.VehicleType is { } vehicle ? SpecText.Of(vehicle) : null,
            "adr" => order.Adr is { } adr ? (adr ? "true" : "false") : null,
            "temperature_min_c" => Number(order.TemperatureMinC),
            "temperature_max_c" => Number(order.TemperatureMaxC),
            "price.amount" => Number(order.Price?.Amount),
            "price.currency" => order.Price?.Currency,
            "special_requirements" => order.SpecialRequirements,
            "contact.name" => order.Contact?.Name,
            "contact.phone" => order.Contact?.Phone,
            "contact.email" => order.Contact?.Email,
            _ => null,
        };
    }

    /// <summary>True when <paramref name="field"/> names a correctable field of <paramref name="order"/>.</summary>
    public static bool IsField(TransportOrder order, string field) =>
        OrderFields.Contains(field, StringComparer.Ordinal) || TryStop(field, order, out _, out _);

    /// <summary>
    /// Sets <paramref name="field"/> to <paramref name="value"/> (null or blank clears it). False, with
    /// <paramref name="error"/> saying what is expected, for an unknown field or a value of the wrong form.
    /// </summary>
    public static bool TrySet(TransportOrder order, string field, string? value, out TransportOrder updated, out string? error)
    {
        ArgumentNullException.ThrowIfNull(order);
        updated = order;
        error = null;
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (TryStop(field, order, out var index, out var name))
        {
            var stop = order.Stops[index];
            Stop? changed = name switch
            {
                "company" => stop with { Company = text },
                "address" => stop with { Address = text },
                "postal_code" => stop with { PostalCode = text },
                "city" => stop with { City = text },
                "country" => text is null || (text.Length == 2 && text.All(char.IsAsciiLetter)) ? stop with { Country = text?.ToUpperInvariant() } : null,
                "date" => TryDate(text, out var date) ? stop with { Date = date } : null,
                "time_from" => TryTime(text, out var from) ? stop with { TimeFrom = from } : null,
                "time_to" => TryTime(text, out var to) ? stop with { TimeTo = to } : null,
                _ => null,
            };
            if (changed is null)
            {
                error = $"{field}: {Expected(name)}";
                return false;
            }

            var stops = order.Stops.ToArray();
            stops[index] = changed;
            updated = order with { Stops = stops };
            return true;
        }

        TransportOrder? result = field switch
        {
            "reference_number" => order with { ReferenceNumber = text },
            "request_type" => text is null ? order with { RequestType = null }
                : SpecVocabulary.RequestTypes.Find(text) is { } type ? order with { RequestType = type } : null,
            "customer" => order with { Customer = text },
            "cargo_description" => order with { CargoDescription = text },
            "weight_kg" => TryDecimal(text, out var weight) ? order with { WeightKg = weight } : null,
            "pallets" => text is null ? order with { Pallets = null }
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pallets) && pallets >= 0 ? order with { Pallets = pallets } : null,
            "loading_meters" => TryDecimal(text, out var meters) ? order with { LoadingMeters = meters } : null,
            "vehicle_type" => text is null ? order with { VehicleType = null }
                : SpecVocabulary.VehicleTypes.Find(text) is { } vehicle ? order with { VehicleType = vehicle } : null,
            "adr" => text switch
            {
                null => order with { Adr = null },
                "true" => order with { Adr = true },
                "false" => order with { Adr = false },
                _ => null,
            },
            "temperature_min_c" => TryDecimal(text, out var min) ? order with { TemperatureMinC = min } : null,
            "temperature_max_c" => TryDecimal(text, out var max) ? order with { TemperatureMaxC = max } : null,
            "price.amount" => text is null ? order with { Price = null }
                : TryDecimal(text, out var amount) ? order with { Price = new Price(amount!.Value, order.Price?.Currency ?? "EUR") } : null,
            "price.currency" => order.Price is null ? (text is null ? order : null)
                : text is { Length: 3 } currency && currency.All(char.IsAsciiLetter) ? order with { Price = order.Price with { Currency = currency.ToUpperInvariant() } } : null,
            "special_requirements" => order with { SpecialRequirements = text },
            "contact.name" => order with { Contact = Contact(order.Contact, name: text, phone: order.Contact?.Phone, email: order.Contact?.Email) },
            "contact.phone" => order with { Contact = Contact(order.Contact, name: order.Contact?.Name, phone: text, email: order.Contact?.Email) },
            "contact.email" => order with { Contact = Contact(order.Contact, name: order.Contact?.Name, phone: order.Contact?.Phone, email: text) },
            _ => null,
        };
        if (result is null)
        {
            error = OrderFields.Contains(field, StringComparer.Ordinal) ? $"{field}: {Expected(field)}" : $"{field} is not a field of this order.";
            return false;
        }

        updated = result;
        return true;
    }

    private static Contact? Contact(Contact? _, string? name, string? phone, string? email) =>
        name is null && phone is null && email is null ? null : new Contact(name, phone, email);

    private static string Expected(string name) => name switch
    {
        "date" => "expected a date as YYYY-MM-DD.",
        "time_from" or "time_to" => "expected a time as HH:MM.",
        "country" => "expected a two-letter country code (ISO 3166-1), such as DE.",
        "pallets" => "expected a whole number, 0 or more.",
        "request_type" => "expected one of " + string.Join(", ", Enum.GetValues<RequestType>().Select(SpecText.Of)) + ".",
        "vehicle_type" => "expected one of " + string.Join(", ", Enum.GetValues<VehicleType>().Select(SpecText.Of)) + ".",
        "adr" => "expected true or false.",
        "price.currency" => "expected a three-letter currency code (set the amount first).",
        _ => "expected a number such as 12500 or 13.6.",
    };

    private static string? Number(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture);

    private static bool TryDecimal(string? text, out decimal? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryDate(string? text, out DateOnly? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryTime(string? text, out TimeOnly? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryStop(string field, TransportOrder order, out int index, out string name)
    {
        index = -1;
        name = "";
        if (!field.StartsWith("stops[", StringComparison.Ordinal))
        {
            return false;
        }

        var close = field.IndexOf("].", StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(field.AsSpan(6, close - 6), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            || index >= order.Stops.Count)
        {
            index = -1;
            return false;
        }

        name = field[(close + 2)..];
        return StopFields.Contains(name, StringComparer.Ordinal);
    }
}
