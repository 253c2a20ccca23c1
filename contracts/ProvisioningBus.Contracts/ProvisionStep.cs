namespace ProvisioningBus.Contracts;

/// <summary>One step of a provision on demand, as the operator reads it.</summary>
/// <param name="Name"><c>pingone.read</c>, <c>scope</c>, <c>mapping</c>, <c>docusign.lookup</c>, <c>decision</c>, <c>docusign.write</c>.</param>
/// <param name="Detail">What the step found or did.</param>
public sealed record ProvisionStep(string Name, string Detail);
