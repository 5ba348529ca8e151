using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Core.Text;

namespace FleetManager.Core.Evaluation;

/// <summary>
/// Scores results against expected results exactly as order-format.md says: classification accuracy,
/// orders paired by reference number (else by position), and per-field precision/recall over the
/// scored fields. Add results with <see cref="Add"/>, then read <see cref="Report"/>.
/// </summary>
public sealed class ExtractionScorer
{
    /// <summary>The scored fields in report order.</summary>
    public static readonly IReadOnlyList<string> ScoredFields =
    [
        "reference_number", "request_type",
        "loading.postal_code", "loading.city", "loading.country", "loading.date",
        "unloading.postal_code", "unloading.city", "unloading.country", "unloading.date",
        "weight_kg", "pallets", "loading_meters", "vehicle_type", "adr",
        "temperature_min_c", "temperature_max_c", "price.amount", "price.currency",
    ];

    private readonly Dictionary<string, (int Predicted, int Expected, int Correct)> _counts =
        ScoredFields.ToDictionary(f => f, _ => (0, 0, 0));

    private readonly List<FieldMismatch> _mismatches = [];
    private int _messages;
    private int _classifiedCorrectly;
    private int _orderClassTp;
    private int _orderClassPredicted;
    private int _orderClassExpected;
    private int _ordersPredicted;
    private int _ordersExpected;
    private int _ordersPaired;

    /// <summary>Scores one message's result against its expected result.</summary>
    public void Add(EmailResult expected, EmailResult actual)
    {
        _messages++;
        if (expected.Classification == actual.Classification)
        {
            _classifiedCorrectly++;
        }
        else
        {
            _mismatches.Add(new FieldMismatch(expected.MessageId, -1, "classification",
                expected.Classification?.ToString(), actual.Classification?.ToString() ?? actual.Error));
        }

        var expectedIsOrder = expected.Classification == Classification.Order;
        var actualIsOrder = actual.Classification == Classification.Order;
        _orderClassExpected += expectedIsOrder ? 1 : 0;
        _orderClassPredicted += actualIsOrder ? 1 : 0;
        _orderClassTp += expectedIsOrder && actualIsOrder ? 1 : 0;

        _ordersExpected += expected.Orders.Count;
        _ordersPredicted += actual.Orders.Count;

        var pairs = Pair(expected.Orders, actual.Orders);
        foreach (var (e, a, index) in pairs)
        {
            if (e is not null && a is not null)
            {
                _ordersPaired++;
            }

            foreach (var field in ScoredFields)
            {
                var ev = e is null ? null : Value(e, field);
                var av = a is null ? null : Value(a, field);
                var correct = ev is not null && av is not null && Agree(field, ev, av);
                var c = _counts[field];
                _counts[field] = (c.Predicted + (av is null ? 0 : 1), c.Expected + (ev is null ? 0 : 1), c.Correct + (correct ? 1 : 0));
                if (!correct && (ev is not null || av is not null))
                {
                    _mismatches.Add(new FieldMismatch(expected.MessageId, index, field, ev, av));
                }
            }
        }
    }

    /// <summary>The scores so far.</summary>
    public EvaluationReport Report()
    {
        var fields = ScoredFields.Select(f => new FieldScore(f, _counts[f].Predicted, _counts[f].Expected, _counts[f].Correct)).ToList();
        var predicted = fields.Sum(f => f.Predicted);
        var expected = fields.Sum(f => f.Expected);
        var correct = fields.Sum(f => f.Correct);
        return new EvaluationReport
        {
            Messages = _messages,
            ClassifiedCorrectly = _classifiedCorrectly,
            OrderClassPrecision = _orderClassPredicted == 0 ? 1.0 : (double)_orderClassTp / _orderClassPredicted,
            OrderClassRecall = _orderClassExpected == 0 ? 1.0 : (double)_orderClassTp / _orderClassExpected,
            OrdersPredicted = _ordersPredicted,
            OrdersExpected = _ordersExpected,
            OrdersPaired = _ordersPaired,
            Fields = fields,
            FieldPrecision = predicted == 0 ? 1.0 : (double)correct / predicted,
            FieldRecall = expected == 0 ? 1.0 : (double)correct / expected,
            Mismatches = [.. _mismatches],
        };
    }

    /// <summary>Pairs orders by normalised reference number where both have one, then the rest by position.</summary>
    internal static List<(TransportOrder? Expected, TransportOrder? Actual, int Index)> Pair(
        IReadOnlyList<TransportOrder> expected, IReadOnlyList<TransportOrder> actual)
    {
        var result = new List<(TransportOrder?, TransportOrder?, int)>();
        var usedActual = new bool[actual.Count];
        var unpairedExpected = new List<int>();
        for (var i = 0; i < expected.Count; i++)
        {
            var reference = NormaliseReference(expected[i].ReferenceNumber);
            var match = -1;
            if (reference is not null)
            {
                for (var j = 0; j < actual.Count; j++)
                {
                    if (!usedActual[j] && NormaliseReference(actual[j].ReferenceNumber) == reference)
                    {
                        match = j;
                        break;
                    }
                }
            }

            if (match >= 0)
            {
                usedActual[match] = true;
                result.Add((expected[i], actual[match], i));
            }
            else
            {
                unpairedExpected.Add(i);
            }
        }

        var remainingActual = Enumerable.Range(0, actual.Count).Where(j => !usedActual[j]).ToList();
        for (var k = 0; k < Math.Max(unpairedExpected.Count, remainingActual.Count); k++)
        {
            var e = k < unpairedExpected.Count ? expected[unpairedExpected[k]] : null;
            var a = k < remainingActual.Count ? actual[remainingActual[k]] : null;
            result.Add((e, a, k < unpairedExpected.Count ? unpairedExpected[k] : expected.Count + k));
        }

        return result;
    }

    private static string? NormaliseReference(string? reference) =>
        string.IsNullOrWhiteSpace(reference) ? null : string.Concat(reference.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    private static string? Value(TransportOrder order, string field)
    {
        var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
        var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
        return field switch
        {
            "reference_number" => order.ReferenceNumber,
            "request_type" => order.RequestType?.ToString(),
            "loading.postal_code" => loading?.PostalCode,
            "loading.city" => loading?.City,
            "loading.country" => loading?.Country,
            "loading.date" => loading?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "unloading.postal_code" => unloading?.PostalCode,
            "unloading.city" => unloading?.City,
            "unloading.country" => unloading?.Country,
            "unloading.date" => unloading?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "weight_kg" => Number(order.WeightKg),
            "pallets" => order.Pallets?.ToString(CultureInfo.InvariantCulture),
            "loading_meters" => Number(order.LoadingMeters),
            "vehicle_type" => order.VehicleType?.ToString(),
            "adr" => order.Adr?.ToString(),
            "temperature_min_c" => Number(order.TemperatureMinC),
            "temperature_max_c" => Number(order.TemperatureMaxC),
            "price.amount" => Number(order.Price?.Amount),
            "price.currency" => order.Price?.Currency,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a scored field"),
        };
    }

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static bool Agree(string field, string expected, string actual)
    {
        switch (field)
        {
            case "reference_number":
                return NormaliseReference(expected) == NormaliseReference(actual);
            case "loading.city" or "unloading.city":
                var e = TextFold.FoldLettersAndDigits(expected);
                var a = TextFold.FoldLettersAndDigits(actual);
                return e.Length > 0 && a.Length > 0 && (e == a || e.Contains(a, StringComparison.Ordinal) || a.Contains(e, StringComparison.Ordinal));
            case "weight_kg" or "loading_meters" or "price.amount" or "temperature_min_c" or "temperature_max_c":
                var x = decimal.Parse(expected, CultureInfo.InvariantCulture);
                var y = decimal.Parse(actual, CultureInfo.InvariantCulture);
                return x == y || Math.Abs(x - y) <= Math.Abs(x) * 0.005m;
            default:
                return string.Equals(expected, actual, StringComparison.Ordinal);
        }
    }
}
