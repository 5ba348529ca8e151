using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FleetManager.Mail.Imap;

/// <summary>Registers the options of an IMAP source, bound from whichever section describes it.</summary>
public static class ImapServiceCollectionExtensions
{
    /// <summary>
    /// Binds named <see cref="ImapOptions"/> (<paramref name="name"/>, for example the source's name) from
    /// <paramref name="section"/> (<c>Imap</c>, <c>Sources:0:Imap</c> ...) and validates them at start.
    /// </summary>
    public static OptionsBuilder<ImapOptions> AddImapOptions(this IServiceCollection services, string name, IConfiguration section)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImapOptions>, ImapOptionsValidator>());
        return services.AddOptions<ImapOptions>(name).Bind(section).ValidateOnStart();
    }

    /// <summary>
    /// Named <see cref="ImapOptions"/> for sources known only from configuration: the options named N are bound
    /// from <paramref name="sectionOf"/>(services, N) (the source's <c>Imap</c> section) and checked by
    /// <see cref="ImapOptionsValidator"/> when first asked for (<see cref="IOptionsMonitor{TOptions}.Get(string)"/>),
    /// so every source is validated by the same rules as <see cref="AddImapOptions"/>.
    /// </summary>
    public static IServiceCollection AddImapSourceOptions(this IServiceCollection services, Func<IServiceProvider, string, IConfiguration> sectionOf)
    {
        ArgumentNullException.ThrowIfNull(sectionOf);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImapOptions>, ImapOptionsValidator>());
        services.AddOptions();
        services.AddSingleton<IConfigureOptions<ImapOptions>>(provider => new ImapSourceOptionsSetup(name => sectionOf(provider, name)));
        return services;
    }
}
