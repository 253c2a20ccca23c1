using MassTransit;
using MassTransit.Middleware;

namespace ProvisioningBus.Core.DeadLetters;

public static class DeadLetterRegistration
{
    /// <summary>
    /// MassTransit's own error pipe (publish the fault, move the message to <c>_error</c>), then
    /// <see cref="DeadLetterLedgerFilter"/>. Configuring the error pipe replaces the default, so both of its filters are named here.
    /// </summary>
    public static void UseDeadLetterLedger(this IReceiveEndpointConfigurator endpoint, IServiceProvider services) =>
        endpoint.ConfigureError(error =>
        {
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
            error.UseFilter(new DeadLetterLedgerFilter(services));
        });
}
