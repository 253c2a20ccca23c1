using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ProvisioningBus.Docusign;

/// <summary>
/// Transient-fault handling through Microsoft.Extensions.Http.Resilience: exponential backoff with jitter for 5xx,
/// 408, timeouts and connection failures, and a per-attempt timeout. 429 is left to
/// <see cref="DocusignRateLimitHandler"/>, which knows how long the window lasts.
/// </summary>
internal static class DocusignResilience
{
    public static IHttpClientBuilder AddDocusignTransientHandling(this IHttpClientBuilder builder, string pipelineName, DocusignConnectionOptions options)
    {
        builder.AddResilienceHandler(pipelineName, (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            if (options.TransientRetryCount > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.TransientRetryCount,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.TransientRetryBaseDelay,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
            }

            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        });
        return builder;
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
