using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>Decides which of a batch's changes are ours to publish: not our own echo, and from an accepted environment.</summary>
public sealed class WebhookTriage(IOptions<WebhookOptions> options)
{
    public const string Echo = "echo";
    public const string ForeignEnvironment = "foreign_environment";
    public const string UnhandledType = "unhandled_type";
    public const string NotSucceeded = "not_succeeded";

    private readonly HashSet<string> ignoredActors = new(options.Value.IgnoredActorClientIds, StringComparer.Ordinal);
    private readonly HashSet<string> acceptedEnvironments = new(options.Value.AcceptedEnvironmentIds, StringComparer.Ordinal);

    public (IReadOnlyList<object> Publish, IReadOnlyList<IgnoredEvent> Ignored) Sort(PingOneActivityBatch batch)
    {
        var publish = new List<object>(batch.Changes.Count);
        var ignored = new List<IgnoredEvent>(batch.Ignored.Count);
        foreach (var activity in batch.Ignored)
        {
            var reason = activity.Kind == IgnoredActivityKind.UnhandledType ? UnhandledType : NotSucceeded;
            ignored.Add(new IgnoredEvent(activity.EventId, activity.ActionType, null, reason, activity.Reason));
        }

        foreach (var change in batch.Changes)
        {
            var (eventId, environmentId, actor, entityId, kind) = Describe(change);
            if (actor is not null && ignoredActors.Contains(actor))
            {
                ignored.Add(new IgnoredEvent(eventId, kind, entityId, Echo, $"made by our own client {actor}"));
            }
            else if (acceptedEnvironments.Count > 0 && !acceptedEnvironments.Contains(environmentId))
            {
                ignored.Add(new IgnoredEvent(eventId, kind, entityId, ForeignEnvironment, $"environment {environmentId} is not in {WebhookOptions.SectionName}:AcceptedEnvironmentIds"));
            }
            else
            {
                publish.Add(change);
            }
        }

        return (publish, ignored);
    }

    private static (string EventId, string EnvironmentId, string? Actor, string EntityId, string Kind) Describe(object change) => change switch
    {
        PingOneUserChanged user => (user.EventId, user.EnvironmentId, user.ActorClientId, user.UserId, $"user {user.Action}"),
        PingOneGroupChanged group => (group.EventId, group.EnvironmentId, group.ActorClientId, group.GroupId, $"group {group.Action}"),
        PingOneMembershipChanged membership => (membership.EventId, membership.EnvironmentId, membership.ActorClientId, $"{membership.UserId} in {membership.GroupId}", $"membership {membership.Action}"),
        _ => throw new InvalidOperationException($"The parser produced an unexpected change type {change.GetType().Name}."),
    };
}
