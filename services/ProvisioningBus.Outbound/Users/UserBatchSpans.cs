using System.Diagnostics;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// The <c>provisioning.user</c> span of each change of a batch, each in the trace its change arrived in and linked to
/// the batch's consume span; counted in <c>provisioningbus.changes.applied</c> once its outcome is known.
/// </summary>
internal sealed class UserBatchSpans : IDisposable
{
    private readonly Dictionary<string, Activity> spans = new(StringComparer.Ordinal);

    private UserBatchSpans()
    {
    }

    public static UserBatchSpans Start(CompiledOutboundRule rule, IReadOnlyList<UserChange> changes)
    {
        var result = new UserBatchSpans();
        var current = Activity.Current;
        var batch = current?.Context;
        foreach (var change in changes)
        {
            if (ChangeTelemetry.Start("provisioning.user", rule.Name, change.UserId, change.Trace, batch) is { } span)
            {
                result.spans[change.UserId] = span;
            }
        }

        // The spans above became Activity.Current one after another. A lone change's Docusign calls run under its own
        // span, so that change is one trace from webhook to Docusign; a batch's bulk calls run under the batch's span.
        Activity.Current = result.spans.Count == 1 ? result.spans.Values.Single() : current;
        return result;
    }

    /// <summary>Makes the user's span current, so work done for that user alone (its PingOne read) joins its trace.</summary>
    public void Enter(string userId)
    {
        if (spans.TryGetValue(userId, out var span))
        {
            Activity.Current = span;
        }
    }

    public void Complete(IReadOnlyDictionary<string, UserProvisioningOutcome> outcomes)
    {
        foreach (var (user, outcome) in outcomes)
        {
            ChangeTelemetry.Record(spans.GetValueOrDefault(user), UserChangeTelemetry.Describe(outcome));
        }
    }

    public void Retrying(Exception failure)
    {
        foreach (var span in spans.Values)
        {
            ChangeTelemetry.Retrying(span, failure);
        }
    }

    public void Dispose()
    {
        foreach (var span in spans.Values)
        {
            span.Dispose();
        }
    }
}
