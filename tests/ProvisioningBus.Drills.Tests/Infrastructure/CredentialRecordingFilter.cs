using Microsoft.Extensions.Http;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>Adds <see cref="CredentialRecordingHandler"/> last (innermost, next to the socket) to every client the factory builds.</summary>
public sealed class CredentialRecordingFilter(CredentialRecorder recorder) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new CredentialRecordingHandler(recorder));
    };
}
