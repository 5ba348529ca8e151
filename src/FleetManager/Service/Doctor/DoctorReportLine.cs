namespace FleetManager.Service.Doctor;

/// <summary>One check in <c>doctor --json</c>: <c>status</c> is <c>ok</c>, <c>warn</c> or <c>fail</c>; <c>fix</c> only when not ok.</summary>
internal sealed record DoctorReportLine(string Check, string Status, string Detail, string? Fix);
