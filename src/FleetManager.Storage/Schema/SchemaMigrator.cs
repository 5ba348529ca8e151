namespace FleetManager.Storage.Schema;

/// <summary>
/// The one migration runner of both back-ends: reads the recorded version, refuses a newer schema unless it
/// says it is still compatible (expand/contract, docs/storage.md), refuses an older one when migrations at open
/// are disabled, and otherwise applies every pending step and its version row in the session's ONE transaction,
/// so a failed step leaves the store exactly as it was.
/// </summary>
internal static class SchemaMigrator
{
    /// <returns>The version before (<c>From</c>) and after (<c>To</c>) the pending steps.</returns>
    /// <exception cref="OrderBookUnavailableException">The schema is newer than <paramref name="steps"/> know, older while
    /// <paramref name="apply"/> is false, or a step failed (nothing was changed).</exception>
    public static (int From, int To) Migrate(IMigrationSession session, string location, IReadOnlyList<MigrationStep> steps, bool apply)
    {
        var latest = steps[^1].Version;
        var version = session.ReadVersion();
        var from = version;
        if (version > latest)
        {
            // A newer release whose steps only added tables and columns records the oldest schema its data still
            // works with; this release keeps running on it, which is what lets blue serve while green migrates,
            // and a rollback reopen the migrated store.
            if (session.ReadCompatibleFrom() is int compatibleFrom && compatibleFrom <= latest)
            {
                session.Commit();
                return (from, version);
            }

            throw new OrderBookUnavailableException(
                location, $"its schema version is {version}, newer than the {latest} this program knows; use a newer FleetManager");
        }

        if (version < latest && !apply)
        {
            throw new OrderBookUnavailableException(
                location, $"its schema version is {version}, older than the {latest} this program writes, and migrations at open are disabled; run 'fleetmanager db migrate'");
        }

        foreach (var step in steps)
        {
            if (step.Version <= version)
            {
                continue;
            }

            try
            {
                session.Command.Parameters.Clear();
                session.Command.CommandText = step.Sql;
                session.Command.ExecuteNonQuery();
            }
            catch (Exception exception) when (session.DescribeRefusal(exception) is { } reason)
            {
                throw new OrderBookUnavailableException(
                    location, $"schema step {step.Version} failed and nothing was changed: {reason}", exception);
            }

            session.RecordVersion(step.Version);
            version = step.Version;
        }

        session.Commit();
        return (from, version);
    }
}
