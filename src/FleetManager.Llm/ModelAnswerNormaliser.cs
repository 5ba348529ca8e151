using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetManager.Core.Geo;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Dates;
using FleetManager.Core.Rules.Fields;

namespace FleetManager.Llm;

/// <summary>
/// Turns a validated model answer into the spec's <see cref="EmailResult"/> with the rules engine's
/// own normalisers, so a model reader and the rules engine write every value alike: weights with
/// units to kg (<see cref="QuantityReader.ParseKilograms"/>), European numbers
/// (<see cref="EuropeanNumber"/>), dates without a year completed from the Date header
/// (<see cref="DateExpressionParser"/>, <see cref="YearInference"/>), times (<see cref="TimeWindowParser"/>),
/// country names and vehicle codes to ISO-2 (<see cref="CountryNames"/>), currencies to ISO 4217
/// (<see cref="CurrencyVocabulary"/>), vehicle words (<see cref="VehicleVocabulary"/>).
/// </summary>
/// <remarks>
/// The answer is untrusted (a model reads hostile mail too): <see cref="Problems"/> names counts and numbers
/// outside <see cref="ModelAnswerLimits"/> so the reader asks for a repair and then quarantines; and
/// <see cref="Normalise"/> never throws on any JSON the validator let through, cuts text to length and
/// removes control, escape and bidirectional-override characters, so an answer cannot put a terminal
/// escape sequence into <c>orders list</c> or a 1e30 into a decimal column.
/// </remarks>
public static partial class ModelAnswerNormaliser
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH.mm", "H.mm", "HH:mm:ss", "HHmm"];

    /// <param name="answer">An answer that passed <see cref="Schema.AnswerValidator"/>.</param>
    /// <param name="email">The email it answers (its Message-ID and Date header).</param>
    /// <param name="today">The date to infer years from when the email has no Date header.</param>
    public static EmailResult Normalise(JsonElement answer, Email email, DateOnly today)
    {
        var classification = SpecVocabulary.Classifications.Find(Enum(answer, "classification")) ?? Classification.Other;
        if (classification != Classification.Order || !answer.TryGetProperty("orders", out var orders) || orders.ValueKind != JsonValueKind.Array)
        {
            return new EmailResult { MessageId = email.MessageId, Classification = classification };
        }

        var emailDate = email.Date is { } date ? DateOnly.FromDateTime(date.Date) : today;
        return new EmailResult
        {
            MessageId = email.MessageId,
            Classification = classification,
            Orders = orders.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object).Take(ModelAnswerLimits.MaxOrders).Select(o => Order(o, emailDate)).ToList(),
        };
    }

    /// <summary>
    /// What makes a schema-valid answer unusable: more orders or stops than <see cref="ModelAnswerLimits"/> allows, or a
    /// number out of its range (a weight of 1e30 kg). Empty when the answer is within bounds.
    /// </summary>
    public static IReadOnlyList<string> Problems(JsonElement answer)
    {
        var problems = new List<string>();
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("orders", out var orders) || orders.ValueKind != JsonValueKind.Array)
        {
            return problems;
        }

        if (orders.GetArrayLength() > ModelAnswerLimits.MaxOrders)
        {
            problems.Add($"orders has {orders.GetArrayLength()} entries, more than the {ModelAnswerLimits.MaxOrders} allowed per message");
        }

        var index = 0;
        foreach (var order in orders.EnumerateArray().Take(ModelAnswerLimits.MaxOrders))
        {
            if (order.ValueKind != JsonValueKind.Object)
            {
                index++;
                continue;
            }

            var at = $"orders[{index}]";
            if (order.TryGetProperty("stops", out var stops) && stops.ValueKind == JsonValueKind.Array && stops.GetArrayLength() > ModelAnswerLimits.MaxStops)
            {
                problems.Add($"{at}.stops has {stops.GetArrayLength()} entries, more than the {ModelAnswerLimits.MaxStops} allowed per order");
            }

            Range(problems, at + ".weight_kg", order, "weight_kg", 0m, ModelAnswerLimits.MaxWeightKg, weight: true);
            Range(problems, at + ".pallets", order, "pallets", 0m, ModelAnswerLimits.MaxPallets);
            Range(problems, at + ".loading_meters", order, "loading_meters", 0m, ModelAnswerLimits.MaxLoadingMeters);
            Range(problems, at + ".temperature_min_c", order, "temperature_min_c", ModelAnswerLimits.MinTemperatureC, ModelAnswerLimits.MaxTemperatureC);
            Range(problems, at + ".temperature_max_c", order, "temperature_max_c", ModelAnswerLimits.MinTemperatureC, ModelAnswerLimits.MaxTemperatureC);
            if (order.TryGetProperty("price", out var price) && price.ValueKind == JsonValueKind.Object)
            {
                Range(problems, at + ".price.amount", price, "amount", 0m, ModelAnswerLimits.MaxPriceAmount);
            }

            index++;
        }

        return problems;
    }

    /// <summary>Adds a problem when the field holds a number outside [min, max] (or one too large for a decimal at all).</summary>
    private static void Range(List<string> problems, string path, JsonElement parent, string name, decimal min, decimal max, bool weight = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Number && !value.TryGetDecimal(out _))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path} {value.GetRawText()} is out of range ({min} to {max})"));
            return;
        }

        var number = weight ? Weight(parent) : Decimal(parent, name);
        if (number is { } n && (n < min || n > max))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path} {n} is out of range ({min} to {max})"));
        }
    }

    private static TransportOrder Order(JsonElement o, DateOnly emailDate)
    {
        var stops = o.TryGetProperty("stops", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Take(ModelAnswerLimits.MaxStops).Select(e => Stop(e, emailDate)).ToList()
            : [];
        var (minC, maxC) = (
            Within(Decimal(o, "temperature_min_c"), ModelAnswerLimits.MinTemperatureC, ModelAnswerLimits.MaxTemperatureC),
            Within(Decimal(o, "temperature_max_c"), ModelAnswerLimits.MinTemperatureC, ModelAnswerLimits.MaxTemperatureC));
        return new TransportOrder
        {
            RequestType = SpecVocabulary.RequestTypes.Find(Enum(o, "request_type")),
            ReferenceNumber = Text(o, "reference_number"),
            Customer = Text(o, "customer"),
            Stops = stops,
            CargoDescription = Text(o, "cargo_description", ModelAnswerLimits.MaxLongTextLength),
            WeightKg = Within(Weight(o), 0m, ModelAnswerLimits.MaxWeightKg),
            Pallets = Within(Decimal(o, "pallets"), 0m, ModelAnswerLimits.MaxPallets) is { } pallets && pallets > 0 ? (int)Math.Round(pallets) : null,
            LoadingMeters = Within(Decimal(o, "loading_meters"), 0m, ModelAnswerLimits.MaxLoadingMeters),
            VehicleType = Vehicle(Text(o, "vehicle_type")),
            Adr = Bool(o, "adr"),
            // A single value sets both bounds.
            TemperatureMinC = minC ?? maxC,
            TemperatureMaxC = maxC ?? minC,
            Price = Price(o),
            SpecialRequirements = Text(o, "special_requirements", ModelAnswerLimits.MaxLongTextLength),
            Contact = Contact(o),
        };
    }

    private static Stop Stop(JsonElement s, DateOnly emailDate)
    {
        var (postalCode, prefixCountry) = PostalCode(Text(s, "postal_code"));
        return new Stop
        {
            Type = SpecVocabulary.StopTypes.Find(Enum(s, "type")) ?? StopType.Loading,
            Company = Text(s, "company"),
            Address = Text(s, "address"),
            PostalCode = postalCode,
            City = Text(s, "city"),
            Country = Country(Text(s, "country")) ?? prefixCountry,
            Date = Date(Text(s, "date"), emailDate),
            TimeFrom = Time(Text(s, "time_from"), from: true),
            TimeTo = Time(Text(s, "time_to"), from: false),
        };
    }

    /// <summary>"DE-80331" → ("80331", "DE"); "PL 02-672" → ("02-672", "PL"); "TF7 4QT" and "619 00" stay.</summary>
    internal static (string? Code, string? Country) PostalCode(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var match = CountryPrefix().Match(text);
        if (match.Success && CountryNames.TryResolveCode(match.Groups["p"].Value, out var iso))
        {
            return (match.Groups["code"].Value.Trim(), iso);
        }

        return (text, null);
    }

    internal static string? Country(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (CountryNames.TryResolveCode(text, out var byCode) || CountryNames.TryResolve(text, out byCode))
        {
            return byCode;
        }

        return null;
    }

    /// <summary>ISO dates as given; anything else (a date without its year) by the rules engine's date parser and year inference.</summary>
    internal static DateOnly? Date(string? text, DateOnly emailDate)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        return DateExpressionParser.FindFirst(text, emailDate)?.Date;
    }

    internal static TimeOnly? Time(string? text, bool from)
    {
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return new TimeOnly(exact.Hour, exact.Minute);
        }

        var window = TimeWindowParser.Parse(text);
        return from ? window.From ?? window.To : window.To ?? window.From;
    }

    private static decimal? Weight(JsonElement o)
    {
        if (!o.TryGetProperty("weight_kg", out var value))
        {
            return null;
        }

        var kg = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : (decimal?)null,
            JsonValueKind.String => QuantityReader.ParseKilograms(value.GetString()!),
            _ => null,
        };
        return kg is > 0 ? kg : null;
    }

    private static Price? Price(JsonElement o)
    {
        if (!o.TryGetProperty("price", out var p) || p.ValueKind != JsonValueKind.Object
            || Within(Decimal(p, "amount"), 0m, ModelAnswerLimits.MaxPriceAmount) is not { } amount || amount <= 0)
        {
            return null;
        }

        var currency = Text(p, "currency");
        var iso = currency is null ? null : CurrencyVocabulary.ToIso(currency) ?? (IsoCurrency().IsMatch(currency) ? currency.ToUpperInvariant() : null);
        return iso is null ? null : new Price(amount, iso);
    }

    private static Contact? Contact(JsonElement o)
    {
        if (!o.TryGetProperty("contact", out var c) || c.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var (name, phone, email) = (Text(c, "name"), Text(c, "phone"), Text(c, "email"));
        return name is null && phone is null && email is null ? null : new Contact(name, phone, email);
    }

    private static VehicleType? Vehicle(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return SpecVocabulary.VehicleTypes.Find(text.ToLowerInvariant())
            ?? VehicleVocabulary.Find(text, strict: false)?.Type ?? VehicleType.Other;
    }

    private static string? Text(JsonElement o, string name, int maxLength = ModelAnswerLimits.MaxTextLength)
    {
        if (!o.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        text = text is null ? null : Clean(text, maxLength).Trim();
        return string.IsNullOrEmpty(text) || text.Equals("null", StringComparison.OrdinalIgnoreCase) ? null : text;
    }

    /// <summary>
    /// The text without control characters (C0 with ESC, DEL, C1 with CSI and OSC: a line break or tab becomes a
    /// space), bidirectional overrides and isolates (which reorder what a terminal or sheet shows), lone surrogates and
    /// non-characters, cut to <paramref name="maxLength"/> characters.
    /// </summary>
    internal static string Clean(string text, int maxLength)
    {
        var clean = new System.Text.StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length && clean.Length < maxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (clean.Length + 2 > maxLength)
                {
                    break;
                }

                clean.Append(c).Append(text[++i]);
                continue;
            }

            if (c is '\n' or '\r' or '\t')
            {
                clean.Append(' ');
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && !IsBidiControl(c) && c is not ('\uFFFE' or '\uFFFF'))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The number when it lies in [min, max], else null (a value <see cref="Problems"/> reports; kept out of the result).</summary>
    private static decimal? Within(decimal? value, decimal min, decimal max) => value is { } v && v >= min && v <= max ? v : null;

    private static string? Enum(JsonElement o, string name) => Text(o, name)?.ToLowerInvariant();

    private static decimal? Decimal(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out var number) ? number : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var match = LeadingNumber().Match(value.GetString()!);
        if (!match.Success || EuropeanNumber.Parse(match.Groups["n"].ValueSpan) is not { } parsed)
        {
            return null;
        }

        return match.Groups["minus"].Success ? -parsed : parsed;
    }

    private static bool? Bool(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^\s*(?<p>[A-Za-z]{1,3})\s*[-–]\s*(?<code>\d[\dA-Za-z \-]*)$|^\s*(?<p>[A-Z]{1,3})\s+(?<code>\d{2}-\d{3}|\d{3} \d{2}|\d{4,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPrefix();

    [GeneratedRegex(@"^[A-Za-z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoCurrency();

    [GeneratedRegex(@"(?<minus>[-−–]\s*)?(?<n>\d[\d.,'\u00A0 ]*)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();
}
