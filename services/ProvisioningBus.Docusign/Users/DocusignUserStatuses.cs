namespace ProvisioningBus.Docusign;

public static class DocusignUserStatuses
{
    public static DocusignUserStatus Parse(string? value) =>
        Enum.TryParse<DocusignUserStatus>(value?.Trim(), ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : DocusignUserStatus.Unknown;

    /// <summary>Docusign's spelling, for status filters.</summary>
    public static string ToWire(DocusignUserStatus status) => status.ToString();
}
