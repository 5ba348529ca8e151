using System.Reflection;
using System.Security.Cryptography;

namespace FleetManager.Dashboard;

/// <summary>
/// The files under <c>wwwroot/</c>, embedded in this assembly and served at <c>/static/NAME</c>. htmx is
/// vendored from npm (htmx.org 2.0.11, dist/htmx.min.js, unmodified, licence beside it): its hash is
/// recorded here, the page's script tag carries it as Subresource Integrity, and a test checks the file.
/// </summary>
public static class VendoredAssets
{
    /// <summary>The pinned htmx release.</summary>
    public const string HtmxVersion = "2.0.11";

    /// <summary>SHA-384 of htmx.org@2.0.11's dist/htmx.min.js, as an integrity attribute.</summary>
    public const string HtmxIntegrity = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg";

    private static readonly Dictionary<string, (byte[] Content, string ContentType, string ETag)> Files = Load();

    /// <summary>The names served (file names under wwwroot).</summary>
    public static IEnumerable<string> Names => Files.Keys;

    /// <summary>The file's bytes, content type and entity tag; false when there is no such file.</summary>
    public static bool TryGet(string name, out byte[] content, out string contentType, out string etag)
    {
        if (Files.TryGetValue(name, out var file))
        {
            (content, contentType, etag) = file;
            return true;
        }

        content = [];
        contentType = "";
        etag = "";
        return false;
    }

    /// <summary>The Subresource Integrity value (<c>sha384-…</c>) of <paramref name="content"/>.</summary>
    public static string IntegrityOf(byte[] content) => "sha384-" + Convert.ToBase64String(SHA384.HashData(content));

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(VendoredAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource["wwwroot/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "text/plain; charset=utf-8",
            };
            files[name] = (bytes, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
        }

        return files;
    }
}
