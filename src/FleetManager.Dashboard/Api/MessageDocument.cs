namespace FleetManager.Dashboard.Api;

/// <summary><c>GET /api/v1/messages/{id}</c>: the message, its orders, and the changes people made to it (reclassifications).</summary>
/// <param name="Message">The message.</param>
/// <param name="Orders">Its orders.</param>
/// <param name="Changes">Reclassifications (field <c>message.classification</c>), oldest first.</param>
public sealed record MessageDocument(MessageSummary Message, IReadOnlyList<MessageOrderLink> Orders, IReadOnlyList<CorrectionDocument> Changes);
