using FleetManager.Commands;
using FleetManager.Hosting;

// Before anything opens SQLite: freed native memory is not returned to the kernel page by page.
NativeHeapTuning.Apply();

// Everything the process prints passes the redactor first: no configured secret reaches a terminal or a log.
var redactor = ConfiguredSecrets.ForThisProcess();
Console.SetOut(new RedactingTextWriter(Console.Out, redactor));
Console.SetError(new RedactingTextWriter(Console.Error, redactor));
try
{
    return await CommandLine.RunAsync(args).ConfigureAwait(false);
}
finally
{
    Console.Out.Flush();
    Console.Error.Flush();
}
