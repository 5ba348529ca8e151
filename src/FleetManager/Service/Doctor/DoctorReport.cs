namespace FleetManager.Service.Doctor;

/// <summary>What <c>doctor --json</c> prints: every check's line, and the counts a monitor alerts on.</summary>
internal sealed record DoctorReport(IReadOnlyList<DoctorReportLine> Checks, int Failed, int Warnings)
{
    public bool Healthy => Failed == 0;
}
