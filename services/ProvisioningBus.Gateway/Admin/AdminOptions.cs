namespace ProvisioningBus.Gateway.Admin;

/// <summary>
/// Who may read the status page and API. Bound from <c>Gateway:Admin</c>. They show user names and account ids and
/// share a listener with the internet-facing webhook, so they are never anonymous: without a token they are off.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Gateway:Admin";

    /// <summary>
    /// The bearer token (or the Basic password, any user name, so a browser can ask for it) that opens
    /// <c>/status</c> and <c>/api/status</c>. Unset: both answer 404.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// How long <c>POST /api/rules/{rule}/provision</c> waits for a users worker's answer before it answers 504; the
    /// worker reads PingOne and writes Docusign, which may wait for the budget.
    /// </summary>
    public TimeSpan ProvisionTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
