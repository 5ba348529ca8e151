using FleetManager.Core.Text;
using Xunit;

namespace FleetManager.Core.Tests.Text;

public sealed class TextFoldTests
{
    [Theory]
    [InlineData("Danke 😀 für den Auftrag", "danke 😀 fur den auftrag")]
    [InlineData("🚚 Ładunek: Gdańsk", "🚚 ladunek: gdansk")]
    [InlineData("Timișoara", "timisoara")]
    public void Fold_TextWithCharactersBeyondTheBmp_KeepsThemAndFoldsTheRest(string text, string expected) =>
        Assert.Equal(expected, TextFold.Fold(text));
}
