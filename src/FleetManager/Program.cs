using FleetManager.Commands;

return await CommandLine.RunAsync(args).ConfigureAwait(false);
