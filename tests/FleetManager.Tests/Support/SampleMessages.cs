using FleetManager.Core.Model;

namespace FleetManager.Tests.Support;

/// <summary>The project's sample messages, as files to copy into a watched folder or as raw messages.</summary>
internal static class SampleMessages
{
    public static string[] Files(int count) =>
        Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).Take(count).ToArray();

    /// <summary>Copies the first <paramref name="count"/> samples into <paramref name="folder"/> (created); returns how many.</summary>
    public static int CopyTo(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = Files(count);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return files.Length;
    }

    public static RawMessage Raw(int index)
    {
        var file = Files(index + 1)[index];
        return new RawMessage(file, File.ReadAllBytes(file));
    }
}
