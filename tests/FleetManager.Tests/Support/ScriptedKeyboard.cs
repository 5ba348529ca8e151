using FleetManager.Commands;

namespace FleetManager.Tests.Support;

/// <summary>
/// A terminal's keys typed by a test: each character of the script is one key press (<c>\r</c> or <c>\n</c> is Enter,
/// <c>\b</c> Backspace), so a verb's no-echo prompt (<c>users add</c>'s password, typed twice) runs in-process.
/// </summary>
internal sealed class ScriptedKeyboard(string script) : IConsoleKeyReader
{
    private int _next;

    public ConsoleKeyInfo ReadKey()
    {
        Xunit.Assert.True(_next < script.Length, "the verb asked for more keys than the test typed");
        var c = script[_next++];
        return c switch
        {
            '\r' or '\n' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, shift: false, alt: false, control: false),
            '\b' => new ConsoleKeyInfo('\b', ConsoleKey.Backspace, shift: false, alt: false, control: false),
            _ => new ConsoleKeyInfo(c, ConsoleKey.A, shift: false, alt: false, control: false),
        };
    }
}
