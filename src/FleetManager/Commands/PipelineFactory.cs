using FleetManager.Core.Geo;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using FleetManager.Mail.Sources;

namespace FleetManager.Commands;

/// <summary>Builds the pipeline on the embedded defaults: MimeKit parser, rules engine, offline gazetteer.</summary>
internal static class PipelineFactory
{
    public static MessageProcessor CreateProcessor(bool geocode, Func<string, string>? redact = null) =>
        new(new MimeEmailParser(), new RulesOrderReader(), geocode ? OfflineGazetteer.Shared : null) { Redact = redact };

    public static IMailSource CreateSource(IReadOnlyList<string> paths) => new MailPathSource(paths);
}
