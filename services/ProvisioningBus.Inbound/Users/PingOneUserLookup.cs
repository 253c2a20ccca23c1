using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.Inbound.Users;

/// <summary>The PingOne users that could stand for one Docusign user, as read by the applier (filtered reads) or the dry run (one listing).</summary>
/// <param name="Linked">The user the rule's link names; null when there is no link or PingOne no longer has the user.</param>
/// <param name="ByExternalId">A user carrying the Docusign userId as externalId: the rule's own create whose link was lost.</param>
/// <param name="ByUsername">A user with the mapped username.</param>
/// <param name="ByEmail">A user with the mapped email.</param>
public sealed record PingOneUserLookup(PingOneUser? Linked, PingOneUser? ByExternalId, PingOneUser? ByUsername, PingOneUser? ByEmail);
