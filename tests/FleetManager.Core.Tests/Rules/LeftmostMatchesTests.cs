using System.Text.RegularExpressions;
using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

public sealed class LeftmostMatchesTests
{
    private static readonly string[] Alternatives = [@"\border\s+no", @"\bauftrag\s+nr", @"\bnr\s+zlecenia", @"\bnr"];

    [Theory]
    [InlineData("Order no 4471, Auftrag Nr 12 and nr zlecenia 7; nr 9 order no 3", 0)]
    [InlineData("Order no 4471, Auftrag Nr 12 and nr zlecenia 7; nr 9 order no 3", 5)]
    [InlineData("nr zlecenia 7 nr 8", 0)]
    [InlineData("nothing to see here", 0)]
    [InlineData("", 0)]
    public void Of_SplitAlternation_GivesTheMatchesOfTheSingleAlternation(string text, int start)
    {
        var continuation = @"\s*(?<v>\d+)";
        var single = new Regex("(?:" + string.Join('|', Alternatives) + ")" + continuation, RegexOptions.IgnoreCase);
        var parts = new[]
        {
            new Regex("(?:" + Alternatives[0] + "|" + Alternatives[1] + ")" + continuation, RegexOptions.IgnoreCase),
            new Regex("(?:" + Alternatives[2] + "|" + Alternatives[3] + ")" + continuation, RegexOptions.IgnoreCase),
        };

        var expected = single.Matches(text, start).Select(m => (m.Index, m.Length, m.Groups["v"].Value)).ToList();
        var actual = LeftmostMatches.Of(parts, text, start).Select(m => (m.Index, m.Length, m.Groups["v"].Value)).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Of_TwoPatternsMatchAtTheSamePlace_TheEarlierPatternWins()
    {
        var parts = new[] { new Regex("ab"), new Regex("abc") };

        var first = LeftmostMatches.Of(parts, "xabc", 0).First();

        Assert.Equal((1, 2), (first.Index, first.Length));
    }
}
