using ProvisioningBus.Inbound;
using ProvisioningBus.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInbound();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
