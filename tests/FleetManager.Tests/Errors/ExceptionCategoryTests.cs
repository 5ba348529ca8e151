using System.Reflection;
using FleetManager.Core.Errors;
using Xunit;

namespace FleetManager.Tests.Errors;

/// <summary>
/// Every exception type the product declares derives from one of the five categories, so the CLI and the
/// service can handle it without knowing its name: the next adapter cannot crash the CLI.
/// </summary>
public sealed class ExceptionCategoryTests
{
    private static readonly Type[] Categories =
    [
        typeof(ConfigurationException), typeof(CredentialException), typeof(ServiceUnavailableException),
        typeof(RejectedInputException), typeof(StoreException),
    ];

    /// <summary>Every assembly under src/: the executable and each library it is composed of.</summary>
    public static TheoryData<string> SourceAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var assembly in LoadSourceAssemblies())
        {
            data.Add(assembly.GetName().Name!);
        }

        return data;
    }

    [Fact]
    public void SourceAssemblies_AreAllFound()
    {
        var names = LoadSourceAssemblies().Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);

        foreach (var expected in new[] { "fleetmanager", "FleetManager.Core", "FleetManager.Mail", "FleetManager.Google", "FleetManager.Llm", "FleetManager.Geocoding", "FleetManager.Storage" })
        {
            Assert.Contains(expected, names);
        }
    }

    [Theory]
    [MemberData(nameof(SourceAssemblies))]
    public void EveryExceptionType_DerivesFromOneCategory(string assemblyName)
    {
        var assembly = LoadSourceAssemblies().Single(a => a.GetName().Name == assemblyName);
        var exceptions = assembly.GetTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        var uncategorised = exceptions
            .Where(t => t != typeof(FleetManagerException) && !Categories.Contains(t))
            .Where(t => !Categories.Any(category => category.IsAssignableFrom(t)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(uncategorised);
    }

    [Fact]
    public void Categories_EachDeriveFromTheRootAndNameTheirCategory()
    {
        foreach (var category in Categories)
        {
            Assert.True(category.IsSubclassOf(typeof(FleetManagerException)), category.Name);
        }

        Assert.Equal(ErrorCategory.Configuration, new ConfigurationException("m", "f").Category);
        Assert.Equal(ErrorCategory.Authentication, new CredentialException("m", "f").Category);
        Assert.Equal(ErrorCategory.Unavailable, new ServiceUnavailableException("m", "f").Category);
        Assert.Equal(ErrorCategory.RejectedInput, new RejectedInputException("m").Category);
        Assert.Equal(ErrorCategory.Store, new StoreException("m", "f").Category);
    }

    internal static IEnumerable<Assembly> LoadSourceAssemblies()
    {
        // The executable references every src library; load each one it names that is ours.
        var root = typeof(FleetManager.Commands.ExitCodes).Assembly;
        yield return root;
        foreach (var reference in root.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("FleetManager.", StringComparison.Ordinal)))
        {
            yield return Assembly.Load(reference);
        }
    }
}
