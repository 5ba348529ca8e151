using FleetManager.Mail.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FleetManager.Hosting;

/// <summary>
/// The <c>Limits</c> section for the verbs that build their pipeline without the service's container (import,
/// extract, eval, reprocess): bound by generated code, validated as the service validates it at start.
/// </summary>
internal static class ConfiguredMailLimits
{
    /// <summary>The parser limits the configuration sets (the built-in defaults for any not set).</summary>
    /// <exception cref="OptionsValidationException">A limit is zero, negative or absurd (exit 5, the setting named).</exception>
    public static EmailParserOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MailLimitsOptions.SectionName);
        if (!section.Exists())
        {
            // The usual case: one shared default instance rather than a copy per verb.
            return EmailParserOptions.Default;
        }

        var options = new MailLimitsOptions();
        section.Bind(options);
        var validation = new MailLimitsOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(MailLimitsOptions.SectionName, typeof(MailLimitsOptions), validation.Failures);
        }

        return options.ToParserOptions();
    }
}
