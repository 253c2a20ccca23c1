namespace ProvisioningBus.Contracts;

/// <summary>Command (request): provision one PingOne user under one outbound rule now; answered with <see cref="UserProvisionedNow"/>.</summary>
public sealed record ProvisionUserNow
{
    /// <summary>The outbound rule to provision the user under.</summary>
    public required string RuleName { get; init; }

    /// <summary>A PingOne user id, or an email (one containing '@').</summary>
    public required string User { get; init; }

    /// <summary>Read and decide only; write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who asked (the API caller), for the provisioning log.</summary>
    public required string RequestedBy { get; init; }
}
