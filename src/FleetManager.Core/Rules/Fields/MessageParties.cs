using FleetManager.Core.Model;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// What a message says about who sends it, the same for every order block of the message and so read once per message
/// (<see cref="PartyReader.ReadMessage"/>; a plan of 2,000 rows is 2,000 blocks of one body): the sender (the forwarded
/// order's when a colleague forwarded it, <see cref="ForwardedSender"/>), the signature's company line, and the
/// signature's person and labelled phone.
/// </summary>
public sealed record MessageParties(EmailAddress? Sender, (string Value, TextSpan Span)? SignatureCompany, string? SignatureName, string? SignaturePhone);
