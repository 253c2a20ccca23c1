using ProvisioningBus.Host;

await AllInOneHost.RunAsync(args);
