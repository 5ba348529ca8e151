namespace FleetManager.Mail.Sources;

/// <summary>A file to read and how to read it.</summary>
internal readonly record struct MailFile(string Path, MailFileKind Kind);
