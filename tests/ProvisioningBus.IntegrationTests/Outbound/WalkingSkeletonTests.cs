using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

[Collection(RabbitMqCollection.Name)]
public sealed class WalkingSkeletonTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_user_created_in_PingOne_is_created_in_Docusign_through_the_gateway_and_RabbitMQ()
    {
        await using var scenario = await OutboundScenario.StartAsync(broker);

        scenario.PingOne.State.CreateUser(
            "ada.lovelace",
            "ada@example.com",
            new EmulatedUserName(Given: "Ada", Family: "Lovelace"),
            title: "Analyst");

        var users = await Eventually.MatchesAsync(
            () => scenario.Docusign.State.FindUsersByEmail("ada@example.com"),
            found => found.Count > 0,
            TimeSpan.FromSeconds(60),
            "the PingOne user reaches the Docusign emulator");

        var user = Assert.Single(users);
        Assert.Equal("Ada Lovelace", user.UserName);
        Assert.Equal("Ada", user.FirstName);
        Assert.Equal("Lovelace", user.LastName);
        Assert.Equal("Analyst", user.JobTitle);
        Assert.Equal("ActivationSent", user.UserStatus);
    }
}
