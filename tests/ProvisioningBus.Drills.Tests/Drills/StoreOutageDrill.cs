using System.Diagnostics;
using Docusign.Emulator;
using ProvisioningBus.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProvisioningBus.Drills.Tests.Drills;

/// <summary>
/// Stops the local PostgreSQL server, which every test on it sees: in the outage collection, so it runs alone.
/// </summary>
[Collection(BrokerOutageCollection.Name)]
public sealed class StoreOutageDrill(RabbitMqFixture broker, ITestOutputHelper output)
{
    private const int Users = 300;

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PostgreSQL_stopped_mid_burst_for_30_s_loses_no_change_and_dead_letters_none()
    {
        // Docusign latency keeps both workers' slots busy, so the outage meets changes in flight.
        await using var drill = await OutboundDrill.StartAsync(
            broker,
            new DocusignEmulatorOptions { Faults = new EmulatorFaultSettings { Latency = TimeSpan.FromMilliseconds(100) } },
            onPostgres: true);
        using var admin = new BrokerAdmin(broker);
        await drill.StartWorkerProcessAsync();
        await drill.StartWorkerProcessAsync();

        var clock = Stopwatch.StartNew();
        drill.CreateUsers("store", Users);
        await Eventually.MatchesAsync(() => drill.Docusign.State.Users.Count, count => count > 40, TimeSpan.FromSeconds(60), "the workers are applying the burst");
        var appliedAtStop = DrillUsers(drill);
        await using (await StoreOutage.BeginLocalAsync())
        {
            await Task.Delay(Outage);
        }

        var restartedAt = clock.Elapsed;
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(180), "after PostgreSQL restarts every change is applied");
        var converged = clock.Elapsed;
        var deadLettered = (await admin.QueueAsync(drill.VirtualHost.Name, "user-changes_error"))?.Total ?? 0;

        output.WriteLine(
            $"users: {Users}; applied when PostgreSQL stopped: {appliedAtStop}; outage: {Outage.TotalSeconds:0} s; " +
            $"converged {(converged - restartedAt).TotalSeconds:0.0} s after the restart ({converged.TotalSeconds:0.0} s from the first change); dead-lettered: {deadLettered}");
        Assert.True(appliedAtStop < Users, $"the outage came mid-burst ({appliedAtStop} of {Users} applied)");
        var emails = drill.Docusign.State.Users.Where(IsDrillUser).Select(user => user.Email).ToList();
        Assert.Equal(Users, emails.Count);
        Assert.Equal(Users, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(0, deadLettered);
    }

    private static int DrillUsers(OutboundDrill drill) => drill.Docusign.State.Users.Count(IsDrillUser);

    private static bool IsDrillUser(EmulatedUser user) => user.Email.EndsWith("@drill.example", StringComparison.Ordinal);
}
