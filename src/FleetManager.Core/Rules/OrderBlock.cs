namespace FleetManager.Core.Rules;

/// <summary>The part of a <see cref="RulesDocument"/> that describes one order (the whole text for a single order).</summary>
public readonly record struct OrderBlock(int Start, int Length)
{
    public int End => Start + Length;
}
