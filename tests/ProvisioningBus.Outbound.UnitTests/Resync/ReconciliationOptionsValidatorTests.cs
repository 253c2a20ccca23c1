using ProvisioningBus.Outbound.Resync;

namespace ProvisioningBus.Outbound.UnitTests.Resync;

/// <summary><c>Outbound:Reconciliation</c> is checked at start-up, and every bad value is named by its key.</summary>
public sealed class ReconciliationOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new ReconciliationOptionsValidator().Validate(null, new ReconciliationOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Interval", 0, 0.5)]
    [InlineData("Interval", 31 * 24 * 3600, 0.5)]
    [InlineData("LiveReserve", 3600, 1.0)]
    [InlineData("LiveReserve", 3600, -0.1)]
    public void A_bad_value_fails_naming_its_key(string key, int intervalSeconds, double liveReserve)
    {
        var result = new ReconciliationOptionsValidator().Validate(
            null, new ReconciliationOptions { Interval = TimeSpan.FromSeconds(intervalSeconds), LiveReserve = liveReserve });

        Assert.True(result.Failed);
        Assert.Contains($"Outbound:Reconciliation:{key}", result.FailureMessage, StringComparison.Ordinal);
    }
}
