using FleetManager.Dashboard.Api;
using FleetManager.Dashboard.Security;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FleetManager.Dashboard;

/// <summary>Adds the dashboard's services: options (validated at start), access, the store it reads, antiforgery.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddFleetManagerDashboard(this IServiceCollection services, IConfiguration configuration, OrderStoreOptions store)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DashboardAccess>();
        services.TryAddSingleton(new DashboardStoreLocation(store));
        services.TryAddSingleton<DashboardStore>();
        // The host registers its reading pipeline (reprocess, reclassify) when it has one.
        services.TryAddSingleton(sp => new Review.MessageActions(sp.GetRequiredService<DashboardStoreLocation>(), sp.GetRequiredService<DashboardStore>(),
            sp.GetService<Hosting.IMessageReadingPipeline>(), sp.GetRequiredService<TimeProvider>()));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "fm-antiforgery";
            options.FormFieldName = "__RequestVerificationToken";
            // The security middleware sends X-Frame-Options itself (DENY, or SAMEORIGIN for the message frame).
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddFleetManagerApi();
        return services;
    }
}
