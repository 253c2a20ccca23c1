using ProvisioningBus.Host;
using ProvisioningBus.ServiceDefaults;

return await ServiceStartup.RunAsync(() => AllInOneHost.RunAsync(args));
