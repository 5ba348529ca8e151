using FleetManager.Core.Rules.Segmentation;
using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Segmentation;

public sealed class RepeatedLabelGroupsTests
{
    [Fact]
    public void Find_LabelSetsRepeatedUnderReferenceHeadings_GivesOneGroupPerHeading()
    {
        var text = "Guten Tag,\n\nAB-7781\n  Beladung: 23.11., 08:00\n  Entladung: Lager Süd, Hauptstr. 5, 80331 München\n\nAB-7782\n  Beladung: 24.11.\n  Entladung: Depot Ost, Ringstr. 9, 93047 Regensburg\n\nGruß";
        var lines = TextLine.Split(text, 0, text.Length);

        var (starts, end) = RepeatedLabelGroups.Find(lines);

        Assert.Equal(["AB-7781", "AB-7782"], starts.Select(i => lines[i].Text));
        Assert.Equal("", lines[end].Text);
    }

    [Fact]
    public void Find_TourWithAdjacentLabels_GivesNoGroups()
    {
        var text = "Beladung: Werk 1, 80331 München\nBeladung: Werk 2, 85386 Eching\nEntladung: Lager, 93047 Regensburg\n";
        var lines = TextLine.Split(text, 0, text.Length);

        var (starts, _) = RepeatedLabelGroups.Find(lines);

        Assert.Empty(starts);
    }
}
