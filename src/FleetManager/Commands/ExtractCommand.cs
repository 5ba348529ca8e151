using System.CommandLine;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Mail;

namespace FleetManager.Commands;

/// <summary><c>fleetmanager extract PATH...</c>: prints each message's result in the spec's shape, touching no database.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = ".eml files, folders, Maildirs or mbox files.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "jsonl (one object per message), json (an array) or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "table");
        var command = new Command("extract", "Print the orders read from each message (order-format.md), without storing anything.") { paths, format };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format)!));
        return command;
    }

    private static int Run(string[] paths, string format)
    {
        var parser = new MimeEmailParser();
        var reader = new RulesOrderReader();
        var stdout = Console.OpenStandardOutput();
        foreach (var path in paths)
        {
            var raw = new RawMessage(path, File.ReadAllBytes(path));
            EmailResult result;
            try
            {
                result = reader.Read(parser.Parse(raw));
            }
            catch (MessageQuarantinedException ex)
            {
                result = EmailResult.Quarantined(path, ex.Message);
            }

            JsonSerializer.Serialize(stdout, result, FleetManagerJsonContext.Compact.EmailResult);
            stdout.WriteByte((byte)'\n');
        }

        return 0;
    }
}
