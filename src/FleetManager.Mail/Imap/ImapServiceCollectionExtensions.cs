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
}
