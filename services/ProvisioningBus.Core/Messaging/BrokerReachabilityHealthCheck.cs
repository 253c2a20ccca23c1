using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProvisioningBus.Core.Messaging;

/// <summary>
/// Reports on <c>/health/ready</c> whether the broker accepts connections. MassTransit's own bus check judges the
/// receive endpoints, so a bus without any (the gateway, which only publishes) stayed Healthy through a broker outage
/// while every publish failed (issue 17); a refused AMQP port is what such an outage looks like from here.
/// </summary>
public sealed class BrokerReachabilityHealthCheck(RabbitMqAddress address) : IHealthCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(address.Host, address.Port, timeout.Token);
            return HealthCheckResult.Healthy($"broker {address.Host}:{address.Port} accepts connections");
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"broker {address.Host}:{address.Port} unreachable: {exception.Message}");
        }
    }
}
