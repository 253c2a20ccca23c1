using Refit;

namespace ProvisioningBus.Docusign.Api;

/// <summary>Query of Groups_GetGroups.</summary>
public sealed class GroupsListQuery
{
    [AliasAs("start_position")]
    public int? StartPosition { get; set; }

    [AliasAs("count")]
    public int? Count { get; set; }

    [AliasAs("group_type")]
    public string? GroupType { get; set; }

    [AliasAs("search_text")]
    public string? SearchText { get; set; }

    [AliasAs("include_usercount")]
    public string? IncludeUserCount { get; set; }
}
