using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;

namespace FleetManager.Service.Readers;

/// <summary>The offline rules engine (<c>Reader: rules</c>, the default): no network, no credentials.</summary>
internal sealed class RulesOrderReaderFactory : IOrderReaderFactory
{
    public string Name => "rules";

    public TimeSpan MessageTimeout => TimeSpan.FromSeconds(30);

    public int MaxInFlight => ImportRunner.DefaultMaxInFlight;

    public IEnumerable<string> Validate() => [];

    public IOrderReader Create(IServiceProvider services) => new RulesOrderReader();
}
