namespace PingOne.Emulator.Api;

/// <summary>Makes the next N management API requests fail with a chosen status, to exercise client retries.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private int _remaining;
    private int _statusCode;

    public void FailNext(int count, int statusCode)
    {
        lock (_gate)
        {
            _remaining = count;
            _statusCode = statusCode;
        }
    }

    public bool TryTake(out int statusCode)
    {
        lock (_gate)
        {
            statusCode = _statusCode;
            if (_remaining <= 0)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }
}
