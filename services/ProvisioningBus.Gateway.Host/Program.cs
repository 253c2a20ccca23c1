using ProvisioningBus.Gateway;
using ProvisioningBus.ServiceDefaults;

return await ServiceStartup.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults(ServiceNames.Gateway);
    builder.AddGateway();

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.MapGateway();
    await app.RunAsync();
});
