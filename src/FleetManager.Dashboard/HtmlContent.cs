namespace FleetManager.Dashboard;

/// <summary>Markup that is already safe (written by the dashboard itself, or already encoded): <see cref="HtmlBuilder"/> copies it as it is.</summary>
public readonly record struct HtmlContent(string Markup)
{
    public override string ToString() => Markup;
}
