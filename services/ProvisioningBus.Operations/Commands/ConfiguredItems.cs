using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Operations.Commands;

/// <summary>The connections and rules a configuration declares, with their descriptions, as <c>validate</c> lists them.</summary>
public sealed record ConfiguredItems(IReadOnlyList<ConfiguredItems.Connection> Connections, IReadOnlyList<ConfiguredItems.Rule> Rules)
{
    public sealed record Connection(string Name, string? Description);

    public sealed record Rule(string Name, string Direction, string Connection, string? Description);

    public static ConfiguredItems Read(IConfiguration configuration)
    {
        var outbound = configuration.GetSection(OutboundOptions.SectionName).Get<OutboundOptions>() ?? new OutboundOptions();
        var inbound = configuration.GetSection(InboundOptions.SectionName).Get<InboundOptions>() ?? new InboundOptions();
        return new ConfiguredItems(
            [.. configuration.GetSection("Docusign:Connections").GetChildren().Select(section => new Connection(section.Key, section["Description"]))],
            [
                .. outbound.Rules.OrderBy(rule => rule.Key, StringComparer.Ordinal)
                    .Select(rule => new Rule(rule.Key, "outbound", rule.Value.TargetConnection, rule.Value.Description)),
                .. inbound.Rules.OrderBy(rule => rule.Key, StringComparer.Ordinal)
                    .Select(rule => new Rule(rule.Key, "inbound", rule.Value.SourceConnection, rule.Value.Description)),
            ]);
    }

    public void WriteTo(TextWriter output)
    {
        foreach (var connection in Connections)
        {
            output.WriteLine($"  connection {connection.Name}: {connection.Description ?? "(no description)"}");
        }

        foreach (var rule in Rules)
        {
            output.WriteLine($"  rule {rule.Name} ({rule.Direction}, {rule.Connection}): {rule.Description ?? "(no description)"}");
        }
    }
}
