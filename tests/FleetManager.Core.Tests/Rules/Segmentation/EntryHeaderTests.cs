using FleetManager.Core.Rules.Segmentation;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Segmentation;

public sealed class EntryHeaderTests
{
    [Theory]
    [InlineData("1. Angebot 1001", "", 1)]
    [InlineData("2) DE-80331 München", "", 2)]
    [InlineData("#3", "#", 3)]
    [InlineData("Ladung 2/5", "ladung", 2)]
    [InlineData("Auftrag Nr. 4: Kühlware", "auftrag", 4)]
    [InlineData("Zásilka č. 1", "zasilka", 1)]
    public void Read_NumberedHeader_GivesMarkerAndNumber(string line, string marker, int number)
    {
        var header = EntryHeader.Read(line);

        Assert.NotNull(header);
        Assert.Equal((marker, number), (header.Value.Marker, header.Value.Number));
    }

    [Theory]
    [InlineData("Tel 0049 89 1234")]
    [InlineData("1.5 t Stahl")]
    [InlineData("Gewicht 24000 kg")]
    [InlineData("Bitte bestätigen")]
    public void Read_TextThatIsNoHeader_GivesNull(string line)
    {
        Assert.Null(EntryHeader.Read(line));
    }
}
