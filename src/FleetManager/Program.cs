using System.CommandLine;
using FleetManager.Commands;

var root = new RootCommand("FleetManager: turns a freight company's inbox into a clean order book.")
{
    ExtractCommand.Create(),
    EvalCommand.Create(),
};
return root.Parse(args).Invoke();
