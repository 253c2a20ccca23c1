namespace PingOne.Emulator.Hosting;

/// <summary>The management API base (…/v1), known only once Kestrel has bound its port; hrefs are built from it.</summary>
internal sealed class ApiAddress
{
    private Uri? _value;

    public Uri Value
    {
        get => Volatile.Read(ref _value) ?? throw new InvalidOperationException("The emulator has not started listening yet.");
        set => Volatile.Write(ref _value, value);
    }
}
