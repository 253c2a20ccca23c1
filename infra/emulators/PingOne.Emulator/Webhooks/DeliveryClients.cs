namespace PingOne.Emulator.Webhooks;

/// <summary>
/// HTTP clients for webhook POSTs. <c>verifyTlsCertificates: false</c> means "all certificates are trusted"
/// (fact sheet §1.4), so such subscriptions use a client that skips validation.
/// </summary>
internal sealed class DeliveryClients : IDisposable
{
    private readonly HttpClient _verifying = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly HttpClient _trusting = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
#pragma warning disable CA5359 // Deliberate: this client serves only subscriptions that asked for verifyTlsCertificates=false.
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public HttpClient For(SubscriptionDefinition definition) => definition.VerifyTlsCertificates ? _verifying : _trusting;

    public void Dispose()
    {
        _verifying.Dispose();
        _trusting.Dispose();
    }
}
