using ProvisioningBus.Outbound;
using ProvisioningBus.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOutbound();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
