namespace ProvisioningBus.Operations.Commands;

public static class RuleNames
{
    /// <summary>Every configured rule, outbound and inbound.</summary>
    public static IReadOnlyList<string> All(IConfiguration configuration) =>
        [.. configuration.GetSection("Outbound:Rules").GetChildren().Concat(configuration.GetSection("Inbound:Rules").GetChildren()).Select(section => section.Key)];
}
