namespace FleetManager.Llm;

/// <summary>
/// What a model answer may hold. A model reads untrusted mail and may be talked into anything, so its answer
/// is bounded like any other input: counts and numbers outside these limits make the answer invalid (one repair
/// request, then the message is quarantined naming the limit); text is cut to length and cleaned of control
/// characters (<see cref="ModelAnswerNormaliser"/>).
/// </summary>
internal static class ModelAnswerLimits
{
    /// <summary>Orders in one message (a freight-exchange digest holds a few dozen).</summary>
    public const int MaxOrders = 100;

    /// <summary>Stops in one order (a groupage tour has a dozen or two).</summary>
    public const int MaxStops = 50;

    /// <summary>Characters of a short field (reference, names, address, city, phone ...).</summary>
    public const int MaxTextLength = 500;

    /// <summary>Characters of a long field (cargo description, special requirements).</summary>
    public const int MaxLongTextLength = 2_000;

    /// <summary>Kilograms of one order: several full trucks, far beyond any road load, but never 1e30.</summary>
    public const decimal MaxWeightKg = 1_000_000m;

    public const decimal MaxPallets = 10_000m;

    public const decimal MaxLoadingMeters = 1_000m;

    public const decimal MinTemperatureC = -100m;

    public const decimal MaxTemperatureC = 100m;

    public const decimal MaxPriceAmount = 100_000_000m;
}
