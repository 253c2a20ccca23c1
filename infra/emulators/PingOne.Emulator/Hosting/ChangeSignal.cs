namespace PingOne.Emulator.Hosting;

/// <summary>
/// Wakes waiters when something changed. Take <see cref="NextChange"/> before checking the condition you wait
/// for, so a change between the check and the wait is not lost.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task NextChange => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
