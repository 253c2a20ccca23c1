using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Connections;

public sealed class ConfigurationBindingTests
{
    [Fact]
    public async Task Connections_bind_from_configuration_and_are_served_by_name()
    {
        await using var emulator = await global::Docusign.Emulator.DocusignEmulator.StartAsync(new global::Docusign.Emulator.DocusignEmulatorOptions());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docusign:Connections:primary:ServiceUri"] = emulator.BaseUri.ToString(),
            ["Docusign:Connections:primary:AccountId"] = emulator.AccountId,
            ["Docusign:Connections:primary:ClientId"] = emulator.Options.ClientId,
            ["Docusign:Connections:primary:ClientSecret"] = emulator.Options.ClientSecret,
            ["Docusign:Connections:primary:TokenEndpoint"] = emulator.TokenEndpoint.ToString(),
            ["Docusign:Connections:primary:RefreshToken"] = emulator.Options.InitialRefreshToken,
            ["Docusign:Connections:primary:PageSize"] = "50",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDocusignConnections(configuration.GetSection("Docusign:Connections"));
        await using var provider = services.BuildServiceProvider();

        var clients = provider.GetRequiredService<IDocusignClientProvider>();
        var result = await clients.Get("primary").TestConnectionAsync();

        Assert.Equal(["primary"], clients.ConnectionNames);
        Assert.True(result.Succeeded, result.Message);
        Assert.Throws<KeyNotFoundException>(() => clients.Get("other"));
        Assert.IsType<InMemoryDocusignRefreshTokenStore>(provider.GetRequiredService<IDocusignRefreshTokenStore>());
    }

    [Fact]
    public void A_durable_refresh_token_store_registered_before_or_after_replaces_the_in_memory_default()
    {
        var before = new ServiceCollection();
        before.AddSingleton<IDocusignRefreshTokenStore, Auth.RecordingRefreshTokenStore>();
        before.AddDocusignConnection("a", Valid());
        var after = new ServiceCollection();
        after.AddDocusignConnection("a", Valid());
        after.AddSingleton<IDocusignRefreshTokenStore, Auth.RecordingRefreshTokenStore>();

        Assert.IsType<Auth.RecordingRefreshTokenStore>(before.BuildServiceProvider().GetRequiredService<IDocusignRefreshTokenStore>());
        Assert.IsType<Auth.RecordingRefreshTokenStore>(after.BuildServiceProvider().GetRequiredService<IDocusignRefreshTokenStore>());
    }

    [Fact]
    public void Incomplete_options_are_refused_at_registration_naming_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddDocusignConnection("broken", new DocusignConnectionOptions { ServiceUri = new Uri("https://demo.docusign.net") }));

        Assert.Contains("AccountId", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("TokenEndpoint", error.Message, StringComparison.Ordinal);
    }

    private static DocusignConnectionOptions Valid() => new()
    {
        ServiceUri = new Uri("https://demo.docusign.net"),
        AccountId = Guid.NewGuid().ToString(),
        ClientId = "id",
        ClientSecret = "secret",
        TokenEndpoint = new Uri("https://account-d.docusign.com/oauth/token"),
    };
}
