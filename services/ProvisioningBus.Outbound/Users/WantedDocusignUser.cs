using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>What a rule wants Docusign to hold for one in-scope PingOne user: the mapped attributes, the status operation and their hash.</summary>
public sealed record WantedDocusignUser(MappedDocusignUser User, DesiredUserStatus Status, string Hash);
