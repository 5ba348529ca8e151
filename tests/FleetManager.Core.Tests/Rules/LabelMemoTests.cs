using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class LabelMemoTests
{
    [Fact]
    public void Get_SameShortText_ComputesOnce()
    {
        var memo = new LabelMemo<int>();
        var calls = 0;

        var first = memo.Get("Beladestelle", t => { calls++; return t.Length; });
        var second = memo.Get(new string("Beladestelle".AsSpan()), t => { calls++; return -1; });

        Assert.Equal(12, first);
        Assert.Equal(12, second);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Get_LongText_ComputedEachTime()
    {
        var memo = new LabelMemo<int>();
        var text = new string('x', 200);
        var calls = 0;

        memo.Get(text, t => ++calls);
        memo.Get(text, t => ++calls);

        Assert.Equal(2, calls);
    }

    [Fact]
    public void Classify_RepeatedLabel_SameKindAndLanguage()
    {
        var first = StopLabels.Classify("Ladetermin", out var firstLanguage);
        var second = StopLabels.Classify("Ladetermin", out var secondLanguage);

        Assert.Equal(StopLabelKind.LoadingDate, first);
        Assert.Equal(first, second);
        Assert.Equal("de", firstLanguage);
        Assert.Equal(firstLanguage, secondLanguage);
    }
}
