using System.Diagnostics;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>
/// One change's span on the <c>ProvisioningBus</c> source and its count in <c>provisioningbus.changes.applied</c>.
/// Started inside a consumer, the span is a child of MassTransit's consume span, so it joins the webhook's trace.
/// </summary>
public static class ChangeTelemetry
{
    public const string RuleTag = "provisioningbus.rule";
    public const string EntityIdTag = "provisioningbus.entity.id";
    public const string ActionTag = "provisioningbus.action";
    public const string OutcomeTag = "provisioningbus.outcome";

    public static Activity? Start(string spanName, string rule, string entityId)
    {
        var activity = ProvisioningBusTelemetry.ActivitySource.StartActivity(spanName);
        activity?.SetTag(RuleTag, rule);
        activity?.SetTag(EntityIdTag, entityId);
        return activity;
    }

    /// <summary>
    /// A change applied inside a batch: its span continues the trace the change arrived in (<paramref name="parent"/>,
    /// the webhook's) and links to the batch's own span, so each change still reads as one trace from webhook to Docusign.
    /// </summary>
    public static Activity? Start(string spanName, string rule, string entityId, ActivityContext parent, ActivityContext? batch)
    {
        var links = batch is { } context && context != default ? new[] { new ActivityLink(context) } : null;
        var activity = ProvisioningBusTelemetry.ActivitySource.StartActivity(spanName, ActivityKind.Internal, parent, links: links);
        activity?.SetTag(RuleTag, rule);
        activity?.SetTag(EntityIdTag, entityId);
        return activity;
    }

    /// <summary>Counts <paramref name="count"/> changes and, when they are the span's, tags the span with their outcome.</summary>
    public static void Record(Activity? activity, AppliedChange change, long count = 1)
    {
        activity?.SetTag(ActionTag, change.Action);
        activity?.SetTag(OutcomeTag, change.Outcome);
        if (change.Outcome == AppliedChange.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        ProvisioningBusMetrics.RecordChange(change, count);
    }

    /// <summary>A failure that will be retried: the span shows it, the counter waits for the change's real outcome.</summary>
    public static void Retrying(Activity? activity, Exception failure)
    {
        activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
        activity?.AddException(failure);
    }

    /// <summary>Runs one change in its span and counts what <paramref name="describe"/> makes of its result; a thrown change is retried, so not counted.</summary>
    public static async Task<T> TraceAsync<T>(string spanName, string rule, string entityId, Func<Task<T>> apply, Func<T, AppliedChange> describe)
    {
        using var activity = Start(spanName, rule, entityId);
        try
        {
            var result = await apply();
            Record(activity, describe(result));
            return result;
        }
        catch (Exception failure)
        {
            Retrying(activity, failure);
            throw;
        }
    }
}
