namespace ProvisioningBus.Inbound.Tests.Infrastructure;

/// <summary>The identity of a seeded Docusign user.</summary>
public sealed record EmulatedUserView(string UserId, string UserName, string Email);
