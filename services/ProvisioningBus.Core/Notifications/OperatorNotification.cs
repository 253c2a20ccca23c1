namespace ProvisioningBus.Core.Notifications;

/// <summary>
/// The body POSTed to <see cref="NotificationOptions.WebhookUrl"/>. <c>text</c> is what Slack and Teams incoming webhooks
/// display; the other fields are for anything that routes on them.
/// </summary>
/// <param name="Event"><c>connection.quarantined</c>, <c>connection.recovered</c> or <c>deletions.held</c>.</param>
/// <param name="Subject">The connection or rule concerned.</param>
public sealed record OperatorNotification(string Text, string Event, string Subject, DateTimeOffset At);
