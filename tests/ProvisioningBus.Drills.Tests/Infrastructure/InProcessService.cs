using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// One of our services on Kestrel (127.0.0.1, a free port) composed the way its Program.cs composes it, logging into
/// the drill's <see cref="CapturedLogs"/> instead of the console.
/// </summary>
public sealed class InProcessService : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private InProcessService(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public IServiceProvider Services => app.Services;

    public Uri BaseAddress { get; }

    /// <param name="compose">The service's own registration (<c>AddGateway</c>, <c>AddOutbound</c>, <c>AddInbound</c>).</param>
    /// <param name="map">The service's endpoints, as its Program.cs maps them.</param>
    public static async Task<InProcessService> StartAsync(
        IDictionary<string, string?> settings,
        Action<WebApplicationBuilder> compose,
        Action<WebApplication>? map,
        DrillObservers observers,
        Action<IServiceCollection>? customize = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(observers.Logs);
        builder.Logging.SetMinimumLevel(observers.MinimumLevel);
        builder.AddServiceDefaults("provisioningbus-drill");
        compose(builder);
        builder.Services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new CredentialRecordingFilter(observers.Credentials));
        // Tests stop and restart services quickly: start returns only once the bus is up.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        customize?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new InProcessService(app, new Uri(address));
    }

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
