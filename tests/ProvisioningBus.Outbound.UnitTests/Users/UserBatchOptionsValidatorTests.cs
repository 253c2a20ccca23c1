using ProvisioningBus.Outbound.Users;

namespace ProvisioningBus.Outbound.UnitTests.Users;

/// <summary><c>Outbound:Users</c> is checked at start-up, and every bad value is named by its key.</summary>
public sealed class UserBatchOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new UserBatchOptionsValidator().Validate(null, new UserBatchOptions()).Succeeded);
    }

    [Theory]
    [InlineData("BatchMessageLimit")]
    [InlineData("BatchTimeLimit")]
    [InlineData("BatchConcurrencyLimit")]
    [InlineData("PingOneReadConcurrency")]
    [InlineData("DirectoryMaxAge")]
    public void A_bad_value_fails_naming_its_key(string key)
    {
        var options = key switch
        {
            "BatchMessageLimit" => new UserBatchOptions { BatchMessageLimit = 501 },
            "BatchTimeLimit" => new UserBatchOptions { BatchTimeLimit = TimeSpan.FromSeconds(2) },
            "BatchConcurrencyLimit" => new UserBatchOptions { BatchConcurrencyLimit = 0 },
            "PingOneReadConcurrency" => new UserBatchOptions { PingOneReadConcurrency = 0 },
            _ => new UserBatchOptions { DirectoryMaxAge = TimeSpan.FromMinutes(-1) },
        };

        var result = new UserBatchOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"Outbound:Users:{key} ", failure, StringComparison.Ordinal);
    }
}
