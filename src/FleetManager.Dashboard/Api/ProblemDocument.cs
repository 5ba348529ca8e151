namespace FleetManager.Dashboard.Api;

/// <summary>
/// An RFC 7807 problem details body (<c>application/problem+json</c>): what went wrong and what to do, never a stack
/// trace. <see cref="Field"/> and <see cref="Errors"/> are extension members naming the offending input.
/// </summary>
/// <param name="Type">A URI naming the kind of problem (<c>about:blank</c> when the status says it all).</param>
/// <param name="Title">The kind of problem in words (the same for every occurrence).</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">This occurrence in words, with what to do.</param>
/// <param name="Instance">The request path the problem is about.</param>
/// <param name="Field">The first field whose value was refused, when the problem is about a field.</param>
/// <param name="Errors">Every refused field with why (spec field names, such as <c>weight_kg</c> or <c>stops[0].date</c>).</param>
public sealed record ProblemDocument(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance,
    string? Field,
    IReadOnlyDictionary<string, string>? Errors);
