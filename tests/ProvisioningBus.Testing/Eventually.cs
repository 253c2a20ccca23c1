namespace ProvisioningBus.Testing;

/// <summary>Waits on a condition with a deadline instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string because)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var last = await probe();
        while (!condition(last))
        {
            try
            {
                await ticker.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not within {timeout}: {because}. Last observed: {Describe(last)}");
            }

            last = await probe();
        }

        return last;
    }

    // A list's own ToString names only its type; the items are what a failing test needs to show.
    private static string Describe(object? observed) => observed switch
    {
        null => "null",
        string text => text,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>()) + "]",
        _ => observed.ToString() ?? string.Empty,
    };

    public static Task<T> MatchesAsync<T>(Func<T> probe, Func<T, bool> condition, TimeSpan timeout, string because) =>
        MatchesAsync(() => Task.FromResult(probe()), condition, timeout, because);
}
