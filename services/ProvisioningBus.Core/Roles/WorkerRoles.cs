namespace ProvisioningBus.Core.Roles;

/// <summary>
/// What a worker process does. Each role owns its receive endpoints or background loop, so a deployment scales one
/// kind of work (say memberships) by running more processes with only that role.
/// </summary>
[Flags]
public enum WorkerRoles
{
    None = 0,

    /// <summary>The <c>user-changes</c> consumer: PingOne users to Docusign.</summary>
    Users = 1,

    /// <summary>The <c>group-changes</c> consumer: pushed PingOne groups to Docusign groups.</summary>
    Groups = 2,

    /// <summary>The batched <c>membership-changes</c> consumer.</summary>
    Memberships = 4,

    /// <summary>Outbound full resyncs: the <c>outbound-sync-rule</c> consumer and the start-up rule lifecycle (new, changed, deleted rules).</summary>
    Resync = 8,

    /// <summary>The inbound schedule, its snapshot-and-diff runs, and the inbound sync and approval commands.</summary>
    InboundPoller = 16,

    /// <summary>The consumer that applies Docusign snapshot differences to PingOne.</summary>
    InboundApplier = 32,

    Outbound = Users | Groups | Memberships | Resync,
    Inbound = InboundPoller | InboundApplier,
    All = Outbound | Inbound,
}
