namespace ProvisioningBus.Operations.Doctor;

/// <summary>One check's verdict: what was found and, when it failed, what to do about it.</summary>
public sealed record DoctorFinding(string Check, bool Passed, string Detail, string? Fix = null)
{
    public static DoctorFinding Ok(string check, string detail) => new(check, true, detail);

    public static DoctorFinding Failed(string check, string detail, string fix) => new(check, false, detail, fix);
}
