namespace ProvisioningBus.Core.Notifications;

/// <summary>Where operators are told about what needs a person. Bound from <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>
    /// An incoming-webhook URL (Slack, Teams, or anything that takes a JSON POST with a <c>text</c> field); none by default.
    /// Such URLs carry their own secret, so the URL is never logged.
    /// </summary>
    public string? WebhookUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
