using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FleetManager.Dashboard;

/// <summary>
/// Lets pages be written as interpolated strings in which the literal parts are markup and every hole is
/// HTML-encoded (text and attribute values alike), unless it is an <see cref="HtmlContent"/>. So a string
/// from mail or a model can only ever reach the page encoded; nothing is rendered by reflection (AOT-safe).
/// </summary>
[InterpolatedStringHandler]
public ref struct HtmlInterpolatedStringHandler
{
    /// <summary>Encodes &lt; &gt; &amp; quotes and controls; letters of every script stay readable in the source.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _builder;

    public HtmlInterpolatedStringHandler(int literalLength, int formattedCount, HtmlBuilder builder)
    {
        _ = literalLength;
        _ = formattedCount;
        _builder = builder.Builder;
    }

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(HtmlContent value) => _builder.Append(value.Markup);

    public readonly void AppendFormatted(string? value)
    {
        if (value is not null)
        {
            _builder.Append(Encoder.Encode(value));
        }
    }

    public readonly void AppendFormatted<T>(T value)
    {
        var text = value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        AppendFormatted(text);
    }
}
