using System.Text;

namespace FleetManager.Dashboard;

/// <summary>Builds one page: <c>html.Add($"&lt;td&gt;{order.Customer}&lt;/td&gt;")</c> encodes the customer (see <see cref="HtmlInterpolatedStringHandler"/>).</summary>
public sealed class HtmlBuilder
{
    /// <summary>A builder for a whole page's body (16 K characters before it grows).</summary>
    public HtmlBuilder()
        : this(16 * 1024)
    {
    }

    /// <summary>A builder of <paramref name="capacity"/> characters before it grows (a page's small head, a fragment).</summary>
    public HtmlBuilder(int capacity)
    {
        Builder = new StringBuilder(capacity);
    }

    internal StringBuilder Builder { get; }

    /// <summary>Appends markup whose holes are encoded.</summary>
    public HtmlBuilder Add([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref HtmlInterpolatedStringHandler markup)
    {
        _ = markup;
        return this;
    }

    /// <summary>Appends text, encoded.</summary>
    public HtmlBuilder Text(string? text)
    {
        if (text is not null)
        {
            Builder.Append(HtmlInterpolatedStringHandler.Encoder.Encode(text));
        }

        return this;
    }

    /// <summary>Encodes <paramref name="text"/> for use inside markup.</summary>
    public static HtmlContent Encode(string? text) => new(text is null ? "" : HtmlInterpolatedStringHandler.Encoder.Encode(text));

    public override string ToString() => Builder.ToString();

    /// <summary>
    /// This builder's markup, then <paramref name="inner"/>'s, then <paramref name="tail"/> (markup, not encoded), as one
    /// string copied once: a page's layout around its body without the body becoming a string of its own and being copied
    /// into a second builder first (for the orders page that was ~100 KB of what a view allocated; docs/benchmarks.md).
    /// </summary>
    public string ToString(HtmlBuilder inner, string tail)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(tail);
        return string.Create(Builder.Length + inner.Builder.Length + tail.Length, (Head: Builder, Body: inner.Builder, Tail: tail), static (span, parts) =>
        {
            parts.Head.CopyTo(0, span, parts.Head.Length);
            span = span[parts.Head.Length..];
            parts.Body.CopyTo(0, span, parts.Body.Length);
            parts.Tail.AsSpan().CopyTo(span[parts.Body.Length..]);
        });
    }
}
