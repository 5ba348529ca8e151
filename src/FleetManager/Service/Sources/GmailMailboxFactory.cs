using FleetManager.Hosting;
using FleetManager.Core.Pipeline;
using FleetManager.Google;
using FleetManager.Google.Gmail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetManager.Service.Sources;

/// <summary>
/// The <c>gmail</c> kind. A source's <c>Gmail:*</c> settings are laid over the top-level <c>Gmail</c> and
/// <c>Google</c> sections, so one mailbox needs nothing beyond the original's GMAIL_CREDENTIALS_FILE and
/// several accounts each name their own credential and token file. Each source gets its own services
/// (token provider, typed HttpClient with its resilience pipeline), kept for the service's life.
/// </summary>
internal sealed class GmailMailboxFactory(IConfiguration configuration) : IMailboxFactory, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ServiceProvider> _providers = [];

    public string Kind => "gmail";

    public IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section)
    {
        using var probe = Build(section, NullLoggerFactory.Instance, TimeProvider.System);
        return ValidatedServices.Failures(probe);
    }

    public IMailbox Create(SourceOptions source, IConfigurationSection section, IServiceProvider services)
    {
        var provider = Build(section, services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<TimeProvider>());
        lock (_gate)
        {
            _providers.Add(provider);
        }

        return provider.GetRequiredService<GmailMailbox>();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _providers.ForEach(p => p.Dispose());
            _providers.Clear();
        }
    }

    private ServiceProvider Build(IConfigurationSection section, ILoggerFactory loggers, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddSingleton(time);
        services.AddGmail(SourceConfiguration.Overlay(configuration, section, GmailOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
