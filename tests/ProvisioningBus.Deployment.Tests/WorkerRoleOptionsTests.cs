using Microsoft.Extensions.Configuration;
using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Deployment.Tests;

public sealed class WorkerRoleOptionsTests
{
    [Theory]
    [InlineData(null, WorkerRoles.All)]
    [InlineData("", WorkerRoles.All)]
    [InlineData("users", WorkerRoles.Users)]
    [InlineData("groups, memberships", WorkerRoles.Groups | WorkerRoles.Memberships)]
    [InlineData("Inbound-Poller,inbound-applier", WorkerRoles.Inbound)]
    [InlineData("users,groups,memberships,resync", WorkerRoles.Outbound)]
    public void A_comma_separated_list_selects_exactly_the_named_roles(string? value, WorkerRoles expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [WorkerRoleOptions.Key] = value }).Build();

        Assert.Equal(expected, WorkerRoleOptions.Read(configuration));
    }

    [Fact]
    public void An_array_selects_the_named_roles()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{WorkerRoleOptions.Key}:0"] = "resync",
            [$"{WorkerRoleOptions.Key}:1"] = "inbound-applier",
        }).Build();

        Assert.Equal(WorkerRoles.Resync | WorkerRoles.InboundApplier, WorkerRoleOptions.Read(configuration));
    }

    [Fact]
    public void An_unknown_role_is_refused_naming_the_key_the_value_and_the_valid_roles()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [WorkerRoleOptions.Key] = "users,membership" }).Build();

        var refused = Assert.Throws<InvalidWorkerRolesException>(() => WorkerRoleOptions.Read(configuration));

        Assert.StartsWith("Worker:Roles:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'membership'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("memberships", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_process_stops_at_start_up_with_one_line_naming_the_bad_role()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ServiceProcess.StartWorkerAsync(new Dictionary<string, string?>(), "users,bogus", TimeSpan.FromSeconds(60)));

        Assert.Contains("exited with 2", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Worker:Roles: unknown role 'bogus'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Message, StringComparison.Ordinal);
    }
}
