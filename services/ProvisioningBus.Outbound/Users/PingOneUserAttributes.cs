using System.Text.Json;
using ProvisioningBus.Expressions;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.Outbound.Users;

/// <summary>Presents a PingOne user to mapping expressions under PingOne's own attribute names (camelCase JSON).</summary>
public static class PingOneUserAttributes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IAttributeSource From(PingOneUser user) => new JsonAttributeSource(JsonSerializer.SerializeToElement(user, Json));
}
