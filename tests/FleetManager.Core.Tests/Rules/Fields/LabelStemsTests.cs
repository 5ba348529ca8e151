using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

public sealed class LabelStemsTests
{
    [Theory]
    [InlineData("gross weight kg", true)]
    [InlineData("gewicht", true)]
    [InlineData("тегло бруто", true)]
    [InlineData("hmotnosť", true)]
    [InlineData("ladedatum", false)]
    [InlineData("", false)]
    [InlineData("Gewicht", false)]
    public void LabelStartsWith_WeightStems_AnswersAsAPlainPrefixTest(string label, bool expected)
    {
        var field = new LabelledField(label, 0, 0, 0, 0);

        Assert.Equal(expected, field.LabelStartsWith(FieldLabels.Weight));
        Assert.Equal(expected, FieldLabels.Weight.Any(stem => label.StartsWith(stem, StringComparison.Ordinal)));
    }

    [Fact]
    public void LabelStartsWith_EveryStemOfEveryList_IsFoundAndListsStayWhole()
    {
        IReadOnlyList<string>[] lists =
        [
            FieldLabels.Weight, FieldLabels.Pallets, FieldLabels.LoadingMeters, FieldLabels.Vehicle, FieldLabels.Price,
            FieldLabels.Goods, FieldLabels.Temperature, FieldLabels.Adr, FieldLabels.Customer, FieldLabels.ContactPerson,
            FieldLabels.Remarks,
        ];
        foreach (var list in lists)
        {
            var enumerated = 0;
            foreach (var stem in list)
            {
                enumerated++;
                Assert.True(new LabelledField(stem + " x", 0, 0, 0, 0).LabelStartsWith(list), stem);
                Assert.False(new LabelledField("#" + stem, 0, 0, 0, 0).LabelStartsWith(list), stem);
            }

            Assert.Equal(list.Count, enumerated);
        }
    }
}
