namespace FleetManager.Tests.Support;

/// <summary>Damages a database file the way a bad disk does: random bytes over pages in its middle, header left intact.</summary>
internal static class DamagedFile
{
    public static void OverwriteMiddle(string path, int bytes = 8192)
    {
        var length = new FileInfo(path).Length;
        var random = new Random(42);
        var noise = new byte[Math.Min(bytes, (int)(length / 2))];
        random.NextBytes(noise);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = length / 2 - noise.Length / 2;
        stream.Write(noise);
    }
}
