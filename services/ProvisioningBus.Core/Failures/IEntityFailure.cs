namespace ProvisioningBus.Core.Failures;

/// <summary>
/// An exception of our own that says one entity cannot be applied as it is (a user its mappings cannot express, a
/// Docusign per-item refusal of one group). <see cref="ErrorCode"/> is what the ledger shows.
/// </summary>
public interface IEntityFailure
{
    string ErrorCode { get; }
}
