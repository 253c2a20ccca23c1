namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>A worker process's <c>/health/ready</c>, at the port Kestrel picked and logged at start-up.</summary>
public sealed class WorkerHealth : IDisposable
{
    private readonly HttpClient http;

    private WorkerHealth(Uri baseAddress) => http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<WorkerHealth> OfAsync(ServiceProcess worker)
    {
        const string Listening = "Now listening on: ";
        var line = await worker.WaitForLineAsync(text => text.Contains(Listening, StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the worker logs its address");
        return new WorkerHealth(new Uri(line[(line.IndexOf(Listening, StringComparison.Ordinal) + Listening.Length)..].Trim()));
    }

    /// <summary>The status code of <c>/health/ready</c>; 0 when the worker does not answer at all.</summary>
    public async Task<int> ReadyAsync()
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    public void Dispose() => http.Dispose();
}
