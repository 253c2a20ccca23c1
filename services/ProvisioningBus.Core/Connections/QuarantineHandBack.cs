using MassTransit;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// Sends a change that waited <see cref="QuarantineOptions.HoldLimit"/> for its quarantined connection back to the end
/// of its queue, confirmed by the broker before the delivery is acknowledged, so it waits there instead of in
/// <c>_error</c> (and RabbitMQ's consumer_timeout never closes the channel under it). Changes are level-triggered: a rule
/// that did apply it finds nothing left to do the next time.
/// </summary>
public static class QuarantineHandBack
{
    public static async Task HandBackAsync<T>(this ConsumeContext<T> context)
        where T : class =>
        await context.Forward(await context.GetSendEndpoint(context.ReceiveContext.InputAddress), context.Message);

    public static async Task HandBackAsync<T>(this ConsumeContext<Batch<T>> context)
        where T : class
    {
        foreach (var item in context.Message)
        {
            await item.HandBackAsync();
        }
    }
}
