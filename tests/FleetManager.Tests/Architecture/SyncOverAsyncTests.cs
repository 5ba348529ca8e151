using FleetManager.Tests.Errors;
using Xunit;

namespace FleetManager.Tests.Architecture;

/// <summary>
/// No code under src/ blocks a thread on a task: the store's calls are asynchronous end to end (the dashboard's handlers,
/// the verbs, the service), and a <c>.Result</c> or <c>.GetAwaiter().GetResult()</c> would bring back a thread held per
/// database round trip, or a deadlock where a synchronisation context exists.
/// </summary>
public sealed class SyncOverAsyncTests
{
    [Theory]
    [MemberData(nameof(ExceptionCategoryTests.SourceAssemblies), MemberType = typeof(ExceptionCategoryTests))]
    public void SourceAssembly_AnyMethod_NeverBlocksOnATask(string assemblyName)
    {
        var assembly = ExceptionCategoryTests.LoadSourceAssemblies().Single(a => a.GetName().Name == assemblyName);

        Assert.Empty(BlockingTaskCalls.In(assembly));
    }

    [Fact]
    public void In_MethodsThatBlockOnATask_FindsEachAndNotTheAwaits()
    {
        var found = BlockingTaskCalls.In(typeof(SyncOverAsyncTests).Assembly)
            .Where(f => f.Contains(nameof(BlockingSamples), StringComparison.Ordinal))
            .ToList();

        // Each finding names the method that blocks ("Type.Method calls Target.Member"): the three that block, not the await.
        var methods = found.Select(f => f[..f.IndexOf(" calls ", StringComparison.Ordinal)]).Select(m => m[(m.LastIndexOf('.') + 1)..]).Order(StringComparer.Ordinal);
        Assert.Equal(["ByAwaiter", "ByResult", "ByWait"], methods);
        Assert.Contains(found, f => f.EndsWith(".get_Result", StringComparison.Ordinal));
        Assert.Contains(found, f => f.EndsWith(".GetResult", StringComparison.Ordinal));
        Assert.Contains(found, f => f.EndsWith(".Wait", StringComparison.Ordinal));
    }

    /// <summary>What the scan must find (the first three) and must not (an await).</summary>
    private static class BlockingSamples
    {
        public static int ByResult(Task<int> task) => task.Result;

        public static int ByAwaiter(ValueTask<int> task) => task.GetAwaiter().GetResult();

        public static void ByWait(Task task) => task.Wait();

        public static async Task<int> ByAwait(Task<int> task) => await task.ConfigureAwait(false);
    }
}
