using PingOne.Emulator;

// Options come from PingOne:Emulator:* (appsettings.json, environment variables PingOne__Emulator__Port=…, or --PingOne:Emulator:Port=…).
var configuration = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var options = configuration.GetSection("PingOne:Emulator").Get<PingOneEmulatorOptions>() ?? new PingOneEmulatorOptions();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await using var emulator = await PingOneEmulator.StartAsync(options with { EnableRequestLogging = true }, stop.Token);
Console.WriteLine($"PingOne emulator: API {emulator.ApiBaseUri}, token {emulator.TokenEndpoint}, environment {emulator.EnvironmentId}, client {emulator.ClientId}");
await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
