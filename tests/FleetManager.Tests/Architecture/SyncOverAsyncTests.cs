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

        Assert.Contains(found, f => f.Contains("ByResult calls System.Threading.Tasks.Task`1.get_Result", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("ByAwaiter calls System.Runtime.CompilerServices.ValueTaskAwaiter`1.GetResult", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("ByWait calls System.Threading.Tasks.Task.Wait", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Contains("ByAwait", StringComparison.Ordinal));
        Assert.Equal(3, found.Count);
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
