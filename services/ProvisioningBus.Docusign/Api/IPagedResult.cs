namespace ProvisioningBus.Docusign.Api;

/// <summary>The paging properties shared by list responses (all strings; endPosition is inclusive and zero-based).</summary>
public interface IPagedResult
{
    string? ResultSetSize { get; }
    string? TotalSetSize { get; }
    string? StartPosition { get; }
    string? EndPosition { get; }
    string? NextUri { get; }
}
