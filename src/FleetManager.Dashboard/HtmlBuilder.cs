using System.Text;

namespace FleetManager.Dashboard;

/// <summary>Builds one page: <c>html.Add($"&lt;td&gt;{order.Customer}&lt;/td&gt;")</c> encodes the customer (see <see cref="HtmlInterpolatedStringHandler"/>).</summary>
public sealed class HtmlBuilder
{
    internal StringBuilder Builder { get; } = new(16 * 1024);

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
}
