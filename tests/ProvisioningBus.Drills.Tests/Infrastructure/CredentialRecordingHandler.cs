namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>The innermost handler of every factory-made HTTP client: it sees the Authorization header the OAuth handlers set and the token answers.</summary>
public sealed class CredentialRecordingHandler(CredentialRecorder recorder) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { Scheme: "Bearer" } bearer)
        {
            recorder.Add(bearer.Parameter);
        }

        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri?.AbsolutePath ?? "";
        if ((path.EndsWith("/oauth/token", StringComparison.Ordinal) || path.EndsWith("/as/token", StringComparison.Ordinal)) && response.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken);
            recorder.AddTokenResponse(await content.ReadAsStringAsync(cancellationToken));
        }

        return response;
    }
}
