using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using ProvisioningBus.PingOne.Connection;
using ProvisioningBus.PingOne.Subscriptions;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.PingOne;

/// <summary>Registers <see cref="IPingOneClient"/>, <see cref="IPingOneEnvironmentSetup"/> and <see cref="PingOneActivityParser"/>.</summary>
public static class PingOneServiceCollectionExtensions
{
    /// <summary>Binds <see cref="PingOneConnectionOptions"/> from a section such as <c>PingOne</c>.</summary>
    public static IServiceCollection AddPingOneClient(
        this IServiceCollection services,
        IConfiguration section,
        Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        services.AddPingOneClient(section.Get<PingOneConnectionOptions>() ?? new PingOneConnectionOptions(), configureResilience);

    public static IServiceCollection AddPingOneClient(
        this IServiceCollection services,
        PingOneConnectionOptions options,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PingOneActivityParser>();
        services.AddSingleton(options);
        services.AddSingleton(provider => new PingOneTokenProvider(
            provider.GetRequiredService<IHttpClientFactory>(), options, provider.GetRequiredService<TimeProvider>()));
        services.AddTransient<PingOneAuthenticationHandler>();

        services.AddHttpClient(PingOneTokenProvider.HttpClientName)
            .AddStandardResilienceHandler(resilience => Configure(resilience, configureResilience));

        services.AddHttpClient<IPingOneClient, PingOneClient>(http => http.BaseAddress = options.ApiBaseUri)
            .AddHttpMessageHandler<PingOneAuthenticationHandler>()
            .AddStandardResilienceHandler(resilience => Configure(resilience, configureResilience));
        services.AddHttpClient<IPingOneEnvironmentSetup, PingOneEnvironmentSetup>()
            .AddHttpMessageHandler<PingOneAuthenticationHandler>()
            .AddStandardResilienceHandler(resilience => Configure(resilience, configureResilience));
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions resilience, Action<HttpStandardResilienceOptions>? custom)
    {
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()));
        custom?.Invoke(resilience);
    }

    /// <summary>
    /// 429 means PingOne did not process the request (rate limit, fact sheet §2.1), so any method is retried.
    /// Other transient faults are retried only for methods that are safe to repeat: a POST that timed out may
    /// have created the user already.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        var method = request?.Method;
        return method is null || method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete
            || method == HttpMethod.Patch || method == HttpMethod.Head || method == HttpMethod.Options
            || request!.RequestUri?.AbsolutePath.EndsWith("/as/token", StringComparison.Ordinal) == true;
    }
}
