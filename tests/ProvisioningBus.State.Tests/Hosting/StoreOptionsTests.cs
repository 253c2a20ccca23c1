using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.State.Tests.Hosting;

public sealed class StoreOptionsTests
{
    [Theory]
    [InlineData(StoreProvider.Sqlite, "Data Source=provisioningbus.db")]
    [InlineData(StoreProvider.Postgres, "Host=db;Username=pb;Password=secret;Database=provisioningbus")]
    public void Well_formed_options_are_valid(StoreProvider provider, string connectionString) =>
        Assert.Empty(new StoreOptions { Provider = provider, ConnectionString = connectionString }.Validate());

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public void A_missing_connection_string_names_the_key_to_set(StoreProvider provider)
    {
        var error = Assert.Single(new StoreOptions { Provider = provider, ConnectionString = " " }.Validate());

        Assert.Contains("State:ConnectionString", error);
        Assert.Contains($"State:Provider={provider}", error);
    }

    [Fact]
    public void An_unknown_provider_names_the_provider_key_and_the_allowed_values()
    {
        var error = Assert.Single(new StoreOptions { Provider = (StoreProvider)42, ConnectionString = "Data Source=x.db" }.Validate());

        Assert.Contains("State:Provider", error);
        Assert.Contains("Sqlite, Postgres", error);
    }

    [Fact]
    public void A_malformed_connection_string_is_reported_without_echoing_its_password()
    {
        var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = "Host=db;Password=hunter2-secret;Bogus Keyword=1" };

        var error = Assert.Single(options.Validate());

        Assert.Contains("State:ConnectionString", error);
        Assert.DoesNotContain("hunter2-secret", error);
    }

    [Fact]
    public void A_postgres_connection_string_without_a_host_is_rejected()
    {
        var error = Assert.Single(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = "Username=pb;Password=x" }.Validate());

        Assert.Contains("Host=", error);
    }

    [Fact]
    public void Options_text_hides_the_password()
    {
        var text = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = "Host=db;Password=hunter2-secret" }.ToString();

        Assert.DoesNotContain("hunter2-secret", text);
        Assert.Contains("host=db", text, StringComparison.OrdinalIgnoreCase);
    }
}
