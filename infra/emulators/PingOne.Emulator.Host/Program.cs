using PingOne.Emulator;

// Options come from PingOne:Emulator:* (appsettings.json, environment variables PingOne__Emulator__Port=…, or --PingOne:Emulator:Port=…).
var configuration = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var section = configuration.GetSection("PingOne:Emulator");
var options = section.Get<PingOneEmulatorOptions>() ?? new PingOneEmulatorOptions();

// A deployment (compose, Kubernetes) subscribes the gateway the way an administrator does in PingOne: one webhook URL
// and the headers it sends, e.g. the shared secret.
if (section["WebhookUrl"] is { Length: > 0 } webhookUrl)
{
    var headers = section.GetSection("WebhookHeaders").GetChildren().ToDictionary(header => header.Key, header => header.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
    options = options with { Subscriptions = [.. options.Subscriptions, new EmulatedSubscriptionOptions { Name = "gateway", Url = webhookUrl, Headers = headers }] };
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var emulator = await PingOneEmulator.StartAsync(options with { EnableRequestLogging = true }, stop.Token);
Console.WriteLine($"PingOne emulator: API {emulator.ApiBaseUri}, token {emulator.TokenEndpoint}, environment {emulator.EnvironmentId}, client {emulator.ClientId}");
await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
