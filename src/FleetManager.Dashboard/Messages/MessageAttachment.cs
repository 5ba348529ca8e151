namespace FleetManager.Dashboard.Messages;

/// <summary>An attachment of a stored message: its position (the download link's index), name as sent, type and size.</summary>
public sealed record MessageAttachment(int Index, string FileName, string ContentType, long Size);
