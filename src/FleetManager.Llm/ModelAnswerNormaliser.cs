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
public static partial class ModelAnswerNormaliser
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH.mm", "H.mm", "HH:mm:ss", "HHmm"];

    /// <param name="answer">An answer that passed <see cref="Schema.AnswerValidator"/>.</param>
    /// <param name="email">The email it answers (its Message-ID and Date header).</param>
    /// <param name="today">The date to infer years from when the email has no Date header.</param>
    public static EmailResult Normalise(JsonElement answer, Email email, DateOnly today)
    {
        var classification = Enum(answer, "classification") switch
        {
            "order" => Classification.Order,
            "invoice" => Classification.Invoice,
            _ => Classification.Other,
        };
        if (classification != Classification.Order || !answer.TryGetProperty("orders", out var orders) || orders.ValueKind != JsonValueKind.Array)
        {
            return new EmailResult { MessageId = email.MessageId, Classification = classification };
        }

        var emailDate = email.Date is { } date ? DateOnly.FromDateTime(date.Date) : today;
        return new EmailResult
        {
            MessageId = email.MessageId,
            Classification = classification,
            Orders = orders.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object).Select(o => Order(o, emailDate)).ToList(),
        };
    }

    private static TransportOrder Order(JsonElement o, DateOnly emailDate)
    {
        var stops = o.TryGetProperty("stops", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => Stop(e, emailDate)).ToList()
            : [];
        var (minC, maxC) = (Decimal(o, "temperature_min_c"), Decimal(o, "temperature_max_c"));
        return new TransportOrder
        {
            RequestType = Enum(o, "request_type") switch
            {
                "booking" => Core.Model.RequestType.Booking,
                "quote_request" => Core.Model.RequestType.QuoteRequest,
                "load_offer" => Core.Model.RequestType.LoadOffer,
                _ => null,
            },
            ReferenceNumber = Text(o, "reference_number"),
            Customer = Text(o, "customer"),
            Stops = stops,
            CargoDescription = Text(o, "cargo_description"),
            WeightKg = Weight(o),
            Pallets = Decimal(o, "pallets") is { } pallets && pallets > 0 && pallets <= int.MaxValue ? (int)Math.Round(pallets) : null,
            LoadingMeters = Decimal(o, "loading_meters"),
            VehicleType = Vehicle(Text(o, "vehicle_type")),
            Adr = Bool(o, "adr"),
            // A single value sets both bounds.
            TemperatureMinC = minC ?? maxC,
            TemperatureMaxC = maxC ?? minC,
            Price = Price(o),
            SpecialRequirements = Text(o, "special_requirements"),
            Contact = Contact(o),
        };
    }

    private static Stop Stop(JsonElement s, DateOnly emailDate)
    {
        var (postalCode, prefixCountry) = PostalCode(Text(s, "postal_code"));
        return new Stop
        {
            Type = Enum(s, "type") == "unloading" ? StopType.Unloading : StopType.Loading,
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
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : null,
            JsonValueKind.String => QuantityReader.ParseKilograms(value.GetString()!),
            _ => null,
        };
        return kg is > 0 ? kg : null;
    }

    private static Price? Price(JsonElement o)
    {
        if (!o.TryGetProperty("price", out var p) || p.ValueKind != JsonValueKind.Object || Decimal(p, "amount") is not { } amount || amount <= 0)
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

        var index = Schema.OrderAnswerSchema.VehicleTypes.IndexOf(text.ToLowerInvariant());
        if (index >= 0)
        {
            return (VehicleType)index;
        }

        return VehicleVocabulary.Find(text, strict: false)?.Type ?? VehicleType.Other;
    }

    private static string? Text(JsonElement o, string name)
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
        text = text?.Trim();
        return string.IsNullOrEmpty(text) || text.Equals("null", StringComparison.OrdinalIgnoreCase) ? null : text;
    }

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
