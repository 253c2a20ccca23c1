using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.IntegrationTests.Telemetry;

public sealed class ServiceIdentityTests
{
    [Fact]
    public void A_service_reports_its_default_name_when_OTEL_SERVICE_NAME_is_not_set()
    {
        using var host = Build(ServiceNames.Gateway, []);

        Assert.Equal(ServiceNames.Gateway, ResourceAttribute(host, "service.name"));
    }

    [Fact]
    public void OTEL_SERVICE_NAME_overrides_the_default_service_name()
    {
        using var host = Build(ServiceNames.Gateway, new() { ["OTEL_SERVICE_NAME"] = "edge-gateway-eu" });

        Assert.Equal("edge-gateway-eu", ResourceAttribute(host, "service.name"));
    }

    [Theory]
    [InlineData(WorkerRoles.All, "provisioningbus-worker")]
    [InlineData(WorkerRoles.Users, "provisioningbus-worker-users")]
    [InlineData(WorkerRoles.Groups | WorkerRoles.Memberships, "provisioningbus-worker-groups-memberships")]
    [InlineData(WorkerRoles.InboundPoller | WorkerRoles.InboundApplier, "provisioningbus-worker-inbound-poller-inbound-applier")]
    public void A_worker_is_named_for_its_roles(WorkerRoles roles, string expected) =>
        Assert.Equal(expected, WorkerServiceName.For(roles));

    [Fact]
    public void JSON_console_logs_are_chosen_by_configuration_and_carry_a_UTC_timestamp()
    {
        using var host = Build(ServiceNames.Gateway, new() { ["Logging:Console:FormatterName"] = "json" });

        Assert.Equal("json", host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        var json = host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.NotNull(json.TimestampFormat);
        Assert.True(json.UseUtcTimestamp);
    }

    private static IHost Build(string defaultName, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(defaultName);
        return builder.Build();
    }

    private static object? ResourceAttribute(IHost host, string key) =>
        host.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.FirstOrDefault(pair => pair.Key == key).Value;
}
