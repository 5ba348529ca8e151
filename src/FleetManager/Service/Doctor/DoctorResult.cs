namespace FleetManager.Service.Doctor;

/// <summary>One line of <c>doctor</c>: what was checked, whether it passed, and the fix when it did not. Never a secret.</summary>
public sealed record DoctorResult(string Check, bool Ok, string Detail, string? Fix = null)
{
    public static DoctorResult Pass(string check, string detail) => new(check, true, detail);

    public static DoctorResult Fail(string check, string detail, string fix) => new(check, false, detail, fix);
}
