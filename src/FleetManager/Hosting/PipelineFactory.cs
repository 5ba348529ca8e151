using FleetManager.Core.Geo;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using FleetManager.Mail.Sources;

namespace FleetManager.Hosting;

/// <summary>Builds the pipeline on the embedded defaults: MimeKit parser, rules engine, offline gazetteer.</summary>
internal static class PipelineFactory
{
    /// <param name="geocode">Geocode stops with the offline gazetteer.</param>
    /// <param name="redact">Masks configured secrets in quarantine reasons.</param>
    /// <param name="limits">The parser's limits (the <c>Limits</c> section); null: the built-in defaults.</param>
    public static MessageProcessor CreateProcessor(bool geocode, Func<string, string>? redact = null, EmailParserOptions? limits = null) =>
        new(new MimeEmailParser(limits ?? EmailParserOptions.Default), new RulesOrderReader(), geocode ? OfflineGazetteer.Shared : null) { Redact = redact };

    /// <summary>The files, folders, Maildirs and mbox files named; a message over <paramref name="maxMessageBytes"/> is not read into memory.</summary>
    public static IMailSource CreateSource(IReadOnlyList<string> paths, long maxMessageBytes = EmailParserOptions.DefaultMaxMessageBytes) =>
        new MailPathSource(paths, maxMessageBytes);
}
