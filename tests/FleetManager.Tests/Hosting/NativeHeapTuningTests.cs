using FleetManager.Hosting;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class NativeHeapTuningTests
{
    [Fact]
    public void Apply_OnGlibcLinux_TheCLibraryTakesTheTrimThreshold()
    {
        Assert.True(OperatingSystem.IsLinux(), "the product and its tests run on Linux");
        Assert.True(NativeHeapTuning.Apply());
    }
}
