using System.Text;

namespace FleetManager.Commands;

/// <summary>
/// Reads a new password for <c>fleetmanager users</c>: typed twice on a terminal without echo, or one line from a pipe
/// (<c>--password-stdin</c>, or any redirected input). Never from the command line, where it would be kept in the
/// shell history and shown to every user of the machine by <c>ps</c>.
/// </summary>
internal static class PasswordInput
{
    /// <summary>
    /// The password from <paramref name="environment"/>'s input, or null after writing why there is none (the two typings
    /// differ, input ended) to its error writer. Typed twice without echo only where the environment has a
    /// <see cref="VerbEnvironment.Keyboard"/> (a terminal); else one line of its input.
    /// </summary>
    public static string? Read(bool fromStandardInput, VerbEnvironment environment)
    {
        var error = environment.Error;
        if (fromStandardInput || environment.Keyboard is not { } keyboard)
        {
            var line = environment.Input.ReadLine();
            if (line is null)
            {
                error.WriteLine("error: no password on standard input; pipe it in, for example: printf '%s\\n' \"$PASSWORD\" | fleetmanager users add NAME --role viewer --password-stdin");
            }

            return line?.TrimEnd('\r');
        }

        var first = Prompt("Password: ", keyboard, error);
        var second = Prompt("Password again: ", keyboard, error);
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            error.WriteLine("error: the two passwords differ; nothing was changed. Run the command again.");
            return null;
        }

        return first;
    }

    private static string Prompt(string prompt, IConsoleKeyReader keyboard, TextWriter error)
    {
        error.Write(prompt);
        error.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            var key = keyboard.ReadKey();
            if (key.Key == ConsoleKey.Enter)
            {
                error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
