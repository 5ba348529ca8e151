namespace FleetManager.Service.Doctor;

/// <summary>
/// One line of <c>doctor</c>: what was checked, whether it passed, and the fix when it did not. A warning
/// passes (exit 0) but says what to do before it becomes a failure. Never a secret.
/// </summary>
public sealed record DoctorResult(string Check, bool Ok, string Detail, string? Fix = null, bool Warning = false)
{
    public static DoctorResult Pass(string check, string detail) => new(check, true, detail);

    public static DoctorResult Warn(string check, string detail, string fix) => new(check, true, detail, fix, Warning: true);

    public static DoctorResult Fail(string check, string detail, string fix) => new(check, false, detail, fix);

    /// <summary><c>ok</c>, <c>warn</c> or <c>fail</c>: the status word of the text and JSON output.</summary>
    public string Status => !Ok ? "fail" : Warning ? "warn" : "ok";
}
