namespace FleetManager.Commands;

/// <summary>What <see cref="CorrectedCorpusExporter"/> did.</summary>
/// <param name="Examined">Processed messages looked at.</param>
/// <param name="Written">Messages written (each an <c>.eml</c> and its <c>.expected.json</c>).</param>
/// <param name="WithoutRawMessage">Messages that were selected but whose raw bytes retention had already purged.</param>
/// <param name="CorrectedMessages">Messages with at least one corrected order.</param>
internal sealed record CorrectedCorpusSummary(int Examined, int Written, int WithoutRawMessage, int CorrectedMessages);
