using FleetManager.Core.Errors;
using Microsoft.Extensions.Options;

namespace FleetManager.Service;

/// <summary>
/// Sorts a poll's or push's exception by what happens next (<see cref="FailureKind"/>). It switches on
/// the failure's <see cref="ErrorCategory"/> only: adapters wrap their libraries' exceptions into a
/// category at their boundary, so a new adapter needs no line here.
/// </summary>
internal static class FailureClassifier
{
    public static FailureKind Classify(Exception exception) => exception switch
    {
        FleetManagerException failure => ForCategory(failure.Category),
        // Settings that fail validation when the host resolves them.
        OptionsValidationException => FailureKind.Configuration,
        AggregateException { InnerExceptions: [var only] } => Classify(only),
        // Anything not wrapped by an adapter: a passing problem until proven otherwise; the next poll retries.
        _ => FailureKind.Transient,
    };

    /// <summary>What the service does with a category (a rejected input reaching here stopped the poll: retry it).</summary>
    public static FailureKind ForCategory(ErrorCategory category) => category switch
    {
        ErrorCategory.Configuration => FailureKind.Configuration,
        ErrorCategory.Authentication => FailureKind.Authentication,
        ErrorCategory.Store => FailureKind.Store,
        _ => FailureKind.Transient,
    };

    /// <summary>The failure as one line for status and logs: the message and its fix, which our types keep free of secrets.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions: [var only] } => Describe(only),
        FleetManagerException failure => failure.OneLine,
        _ => exception.GetType().Name + ": " + exception.Message.ReplaceLineEndings(" "),
    };
}
