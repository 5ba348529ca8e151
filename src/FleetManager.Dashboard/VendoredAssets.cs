using System.Reflection;
using System.Security.Cryptography;

namespace FleetManager.Dashboard;

/// <summary>
/// The files under <c>wwwroot/</c>, embedded in this assembly and served at <c>/static/NAME</c>. htmx is
/// vendored from npm (htmx.org 2.0.11, dist/htmx.min.js, unmodified, licence beside it): its hash is
/// recorded here, the page's script tag carries it as Subresource Integrity, and a test checks the file. Leaflet 1.9.4
/// likewise (map pages only); europe-110m.geojson is the map's offline fallback, made from world-atlas@2.0.2 by
/// tools/map/make-europe-outlines.py.
/// </summary>
public static class VendoredAssets
{
    /// <summary>The pinned htmx release.</summary>
    public const string HtmxVersion = "2.0.11";

    /// <summary>SHA-384 of htmx.org@2.0.11's dist/htmx.min.js, as an integrity attribute.</summary>
    public const string HtmxIntegrity = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg";

    /// <summary>The pinned Leaflet release (npm <c>leaflet</c>, dist/leaflet.js and dist/leaflet.css, unmodified, licence beside them).</summary>
    public const string LeafletVersion = "1.9.4";

    /// <summary>SHA-384 of leaflet@1.9.4's dist/leaflet.js, as an integrity attribute.</summary>
    public const string LeafletScriptIntegrity = "sha384-cxOPjt7s7Iz04uaHJceBmS+qpjv2JkIHNVcuOrM+YHwZOmJGBXI00mdUXEq65HTH";

    /// <summary>SHA-384 of leaflet@1.9.4's dist/leaflet.css, as an integrity attribute.</summary>
    public const string LeafletStyleIntegrity = "sha384-sHL9NAb7lN7rfvG5lfHpm643Xkcjzp4jFvuavGOndn6pjVqS6ny56CAt3nsEVT4H";

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

    /// <summary>
    /// The file gzip-compressed (made once at start), for a browser that accepts it: Leaflet is 147 KB as vendored and
    /// 42 KB on the wire, which keeps the map pages within the 150 KB budget (docs/benchmarks.md).
    /// </summary>
    public static bool TryGetCompressed(string name, out byte[] gzip)
    {
        if (Compressed.Value.TryGetValue(name, out var bytes))
        {
            gzip = bytes;
            return true;
        }

        gzip = [];
        return false;
    }

    /// <summary>
    /// The file Brotli-compressed (quality 11, made once on first use), for a browser that accepts <c>br</c>: about a
    /// sixth smaller than gzip for Leaflet (docs/benchmarks.md).
    /// </summary>
    public static bool TryGetBrotli(string name, out byte[] brotli)
    {
        if (Brotli.Value.TryGetValue(name, out var bytes))
        {
            brotli = bytes;
            return true;
        }

        brotli = [];
        return false;
    }

    /// <summary>
    /// The URL a page links the file by: <c>/static/NAME?v=VERSION</c>, VERSION the start of its content hash (its entity
    /// tag), so a new build's file has a new URL and the endpoint may let browsers keep a versioned URL for a year.
    /// </summary>
    public static string UrlOf(string name) =>
        Files.TryGetValue(name, out var file) ? "/static/" + name + "?v=" + file.ETag[1..^1] : throw new ArgumentException(name + " is not vendored", nameof(name));

    /// <summary>Whether <paramref name="version"/> is the current version of the file (the <c>v</c> of <see cref="UrlOf"/>).</summary>
    public static bool IsCurrentVersion(string name, string? version) =>
        version is not null && Files.TryGetValue(name, out var file) && file.ETag.AsSpan(1, file.ETag.Length - 2).SequenceEqual(version);

    private static readonly Lazy<Dictionary<string, byte[]>> Brotli = new(() => Files.ToDictionary(
        f => f.Key,
        f =>
        {
            var buffer = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(f.Value.Content.Length)];
            return System.IO.Compression.BrotliEncoder.TryCompress(f.Value.Content, buffer, out var written, quality: 11, window: 22)
                ? buffer[..written]
                : f.Value.Content;
        },
        StringComparer.Ordinal));

    private static readonly Lazy<Dictionary<string, byte[]>> Compressed = new(() => Files.ToDictionary(
        f => f.Key,
        f =>
        {
            using var compressed = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(f.Value.Content);
            }

            return compressed.ToArray();
        },
        StringComparer.Ordinal));

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
                ".geojson" => "application/geo+json",
                _ => "text/plain; charset=utf-8",
            };
            files[name] = (bytes, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
        }

        return files;
    }
}
