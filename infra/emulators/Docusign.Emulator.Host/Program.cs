using Docusign.Emulator;

// Thin host: options from configuration section Docusign:Emulator (docusign-emulator.json, environment variables such as
// Docusign__Emulator__Port=5081, or command-line --Docusign:Emulator:Port=5081).
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    // Not appsettings.json: a host that references this project would get that file copied over its own.
    .AddJsonFile("docusign-emulator.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

var options = configuration.GetSection("Docusign:Emulator").Get<DocusignEmulatorOptions>() ?? new DocusignEmulatorOptions();
options = options with { EnableConsoleLogging = configuration.GetValue("Docusign:Emulator:EnableConsoleLogging", true) };

await using var emulator = await DocusignEmulator.StartAsync(options);
Console.WriteLine($"Docusign emulator listening on {emulator.BaseUri}");
Console.WriteLine($"  account id:  {emulator.AccountId}");
Console.WriteLine($"  token:       {emulator.TokenEndpoint} (client id {options.ClientId})");
Console.WriteLine($"  REST root:   {emulator.AccountUri}");
Console.WriteLine($"  inspection:  {emulator.BaseUri}_emulator/requests, /_emulator/state, /_emulator/faults");
await emulator.WaitForShutdownAsync();
