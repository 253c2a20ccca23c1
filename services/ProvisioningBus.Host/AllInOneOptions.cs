namespace ProvisioningBus.Host;

/// <summary>Where the all-in-one host listens and how big its demo directory is. Bound from <c>Host</c>.</summary>
public sealed class AllInOneOptions
{
    public const string SectionName = "Host";

    /// <summary>Gateway (webhook, status, health). 0 picks a free port.</summary>
    public int GatewayPort { get; set; } = 5080;

    public int DocusignEmulatorPort { get; set; } = 5081;

    public int PingOneEmulatorPort { get; set; } = 5082;

    /// <summary>Users seeded into the PingOne emulator at start-up.</summary>
    public int DemoUsers { get; set; } = 300;

    /// <summary>Groups seeded (and pushed to Docusign).</summary>
    public int DemoGroups { get; set; } = 6;

    /// <summary>Docusign-only users (job title "Contractor") that the demo's inbound rule brings into PingOne.</summary>
    public int DemoContractors { get; set; } = 12;
}
