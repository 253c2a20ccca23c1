using System.Net;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.Docusign;

/// <summary>
/// Reads the rate-limit headers into the connection's budget. On 429, or on a 400 whose errorCode starts with
/// HOURLY_ or BURST_ (Docusign answered 400 before its 2026 change, fact sheet §4.4), waits for the window and
/// retries: hourly until X-RateLimit-Reset (or the next top of the hour), burst for the 30-second window.
/// Waits use the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DocusignRateLimitHandler(
    DocusignRateBudget budget,
    IDocusignAccountBudget account,
    DocusignConnectionOptions options,
    TimeProvider timeProvider,
    ILogger logger) : DelegatingHandler
{
    private static readonly AsyncLocal<bool> s_waitsSuppressed = new();

    /// <summary>Within the returned scope, rate limits fail fast instead of waiting (Test Connection).</summary>
    public static IDisposable SuppressWaits()
    {
        var previous = s_waitsSuppressed.Value;
        s_waitsSuppressed.Value = true;
        return new Restore(previous);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; )
        {
            await AdmitAsync(cancellationToken).ConfigureAwait(false);
            var sentAt = timeProvider.GetUtcNow();
            HttpResponseMessage response;
            DateTimeOffset now;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                now = timeProvider.GetUtcNow();
                budget.Observe(response, sentAt, now);
                if (DocusignBudgetReading.From(response.Headers) is { IsEmpty: false } reading)
                {
                    await account.ObserveAsync(options.AccountId!, reading, options.BurstWindow, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                budget.Complete();
            }

            var errorCode = await RateLimitErrorCodeAsync(response).ConfigureAwait(false);
            if (errorCode is null)
            {
                return response;
            }

            var (wait, lifted) = WaitFor(errorCode, now);
            var probing = wait < lifted;
            budget.BlockUntil(now + wait);
            // The allowed wait is measured to when the limit lifts, not to the next probe: a caller that may not wait that
            // long gets the answer now.
            if (s_waitsSuppressed.Value || (!probing && attempt >= options.RateLimitRetryCount) || lifted > options.MaxRateLimitWait)
            {
                return response;
            }

            // Asking again within a spent hour is a probe for a raised limit, not a retry: it does not use up the retries.
            attempt += probing ? 0 : 1;

            logger.LogWarning(
                "Docusign connection {Connection}: rate limited ({Status} {ErrorCode}); waiting {Wait} before retry {Attempt}",
                options.Name, (int)response.StatusCode, errorCode, wait, attempt + 1);
            response.Dispose();
        }
    }

    /// <summary>
    /// Waits until both budgets admit the call: this process's (what the last answers said, less the calls in flight here)
    /// and the account's, shared by every process of the deployment (<see cref="IDocusignAccountBudget"/>). A wait longer than <see cref="DocusignConnectionOptions.MaxRateLimitWait"/>
    /// (or any wait under <see cref="SuppressWaits"/>) is not taken: the call goes out and Docusign's answer says why.
    /// </summary>
    private async Task AdmitAsync(CancellationToken cancellationToken)
    {
        var logged = false;
        var priority = DocusignCallPriority.Current;
        while (true)
        {
            var pause = budget.TryAdmit(timeProvider.GetUtcNow());
            if (pause == TimeSpan.Zero)
            {
                pause = await account.TryReserveAsync(options.AccountId!, options.BurstWindow, priority, cancellationToken).ConfigureAwait(false);
                if (pause == TimeSpan.Zero)
                {
                    return;
                }

                // Not sent yet: the local admission is handed back while the account's budget says wait.
                budget.Complete();
            }

            // Background work waits for its share however long: going out anyway would spend what it leaves to live work.
            if (s_waitsSuppressed.Value || (pause > options.MaxRateLimitWait && !priority.IsBackground))
            {
                budget.TryAdmit(timeProvider.GetUtcNow(), forced: true);
                return;
            }

            if (!logged)
            {
                logger.LogInformation("Docusign connection {Connection}: pacing, waiting {Wait} for the rate-limit window", options.Name, pause);
                logged = true;
            }

            await Task.Delay(pause, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The errorCode when the response is a rate-limit answer ("" for a 429 without one), else null.</summary>
    private static async Task<string?> RateLimitErrorCodeAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests && response.StatusCode != HttpStatusCode.BadRequest)
        {
            return null;
        }

        var (code, _) = await DocusignExceptionFactory.ReadErrorAsync(response).ConfigureAwait(false);
        if (DocusignErrorCodes.IsRateLimit(code))
        {
            return code;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests ? code ?? "" : null;
    }

    /// <returns>
    /// How long to wait before asking again, and how long until the limit lifts; within a spent hour the first is a probe
    /// interval, shorter than the second.
    /// </returns>
    private (TimeSpan Wait, TimeSpan Lifted) WaitFor(string errorCode, DateTimeOffset now)
    {
        var hourly = errorCode.StartsWith("HOURLY_", StringComparison.OrdinalIgnoreCase)
            || (!DocusignErrorCodes.IsBurstLimit(errorCode) && budget.HourlyRemaining == 0);
        if (!hourly)
        {
            var windowEnd = budget.BurstWindowEnd(now) - now;
            return (windowEnd, windowEnd);
        }

        // "calls will be blocked until the start of the next hour" (§6): X-RateLimit-Reset, else the top of the hour;
        // until then the call asks again every probe interval, in case the account's limit was raised.
        var reset = budget.HourlyResetsAt is { } r && r > now
            ? r
            : new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        var untilReset = reset - now + TimeSpan.FromSeconds(1);
        return (untilReset > DocusignRateBudget.HourlyProbeInterval ? DocusignRateBudget.HourlyProbeInterval : untilReset, untilReset);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => s_waitsSuppressed.Value = previous;
    }
}
