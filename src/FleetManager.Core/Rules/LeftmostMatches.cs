using System.Text.RegularExpressions;

namespace FleetManager.Core.Rules;

/// <summary>
/// Enumerates the matches of several patterns in the order a single alternation of them would give
/// (<c>(?:A|B|C)</c> with <c>Regex.Matches</c>): the leftmost match first, the earlier pattern winning
/// when two start at the same place, and scanning on from the end of each match.
/// </summary>
/// <remarks>
/// Why: a very large alternation becomes one huge source-generated matcher, and the JIT's cost grows
/// much faster than the matcher's size (the reference-number labels took seconds of CPU to compile at
/// tier 1, more than all their matching in a 10,000-message import). Split into a few patterns, each
/// compiles quickly and the results are the same. The patterns must not use <c>^</c>, <c>\G</c> or
/// <c>RegexOptions.RightToLeft</c>, whose meaning depends on where a scan starts.
/// </remarks>
internal static class LeftmostMatches
{
    public static IEnumerable<Match> Of(IReadOnlyList<Regex> patterns, string text, int start)
    {
        // The next match of each pattern at or after the scan position; a match found from an earlier
        // position is still the leftmost one from any later position up to its start.
        var next = new Match?[patterns.Count];
        var position = start;
        while (position <= text.Length)
        {
            Match? best = null;
            for (var i = 0; i < patterns.Count; i++)
            {
                var candidate = next[i];
                if (candidate is null || (candidate.Success && candidate.Index < position))
                {
                    candidate = patterns[i].Match(text, position);
                    next[i] = candidate;
                }

                if (candidate.Success && (best is null || candidate.Index < best.Index))
                {
                    best = candidate;
                }
            }

            if (best is null)
            {
                yield break;
            }

            yield return best;
            position = best.Index + Math.Max(best.Length, 1);
        }
    }
}
