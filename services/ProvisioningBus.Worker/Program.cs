using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Inbound;
using ProvisioningBus.Outbound;
using ProvisioningBus.ServiceDefaults;

return await ServiceStartup.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    WorkerRoles roles;
    try
    {
        roles = WorkerRoleOptions.Read(builder.Configuration);
    }
    catch (InvalidWorkerRolesException invalid)
    {
        await Console.Error.WriteLineAsync(invalid.Message);
        return 2;
    }

    builder.AddServiceDefaults(WorkerServiceName.For(roles));
    builder.Services.AddProvisioningBus(builder.Configuration, bus =>
    {
        bus.AddOutboundConsumers(roles);
        bus.AddInboundConsumers(roles);
    });
    if ((roles & WorkerRoles.Outbound) != 0)
    {
        builder.AddOutbound(registerBus: false, roles);
    }

    if ((roles & WorkerRoles.Inbound) != 0)
    {
        builder.AddInbound(registerBus: false, roles);
    }

    var app = builder.Build();
    app.Logger.LogInformation("Worker roles: {Roles}", WorkerRoleNames.Format(roles));
    app.MapDefaultEndpoints();
    await app.RunAsync();
    return 0;
});
