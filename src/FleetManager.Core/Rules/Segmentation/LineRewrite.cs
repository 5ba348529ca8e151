using System.Text;

namespace FleetManager.Core.Rules.Segmentation;

/// <summary>
/// A text split into lines, rebuilt with some runs of lines rewritten: the lines between the runs are copied as they
/// are. Shared by the rewrites of tables (<see cref="AlignedColumns"/>, <see cref="TransposedTable"/>).
/// </summary>
internal sealed class LineRewrite(string[] lines, int capacity)
{
    /// <summary>Lines already copied or rewritten.</summary>
    private int _done;

    public StringBuilder Output { get; } = new(capacity);

    /// <summary>Copies the lines up to <paramref name="line"/>, each with its line break; the rewrite of a run starting there follows.</summary>
    public StringBuilder Before(int line)
    {
        for (var k = _done; k < line; k++)
        {
            Output.Append(lines[k]).Append('\n');
        }

        return Output;
    }

    /// <summary>The lines before <paramref name="end"/> are written (rewritten by the caller).</summary>
    public void Done(int end) => _done = end;

    /// <summary>The whole text: the rewrites and the lines after the last of them.</summary>
    public string Finish()
    {
        for (var k = _done; k < lines.Length; k++)
        {
            Output.Append(lines[k]);
            if (k < lines.Length - 1)
            {
                Output.Append('\n');
            }
        }

        return Output.ToString();
    }
}
