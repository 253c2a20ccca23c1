using ProvisioningBus.Operations;

return await CliApplication.RunAsync(args, Console.Out, Console.Error, input: Console.In);
