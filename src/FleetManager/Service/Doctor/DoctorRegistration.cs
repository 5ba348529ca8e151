using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetManager.Service.Doctor;

/// <summary>The built-in doctor checks and the doctor's HTTP client (short timeout, no retries: one look is the point).</summary>
internal static class DoctorRegistration
{
    public static IServiceCollection AddDoctorChecks(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, ConfigurationCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, DataDirectoryCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, CredentialFilesCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, StoreCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, SourcePollAgeCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, EndpointsCheck>());
        services.AddHttpClient(EndpointsCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        return services;
    }
}
