namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>Waits on a condition with a deadline (never a guessed sleep), so every run is bounded in time.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken ct, Func<string>? progress = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            try
            {
                await ticker.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Not within {timeout}: {what}{(progress is null ? "" : $" ({progress()})")}.");
            }
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken ct, Func<string>? progress = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what, ct, progress);
}
