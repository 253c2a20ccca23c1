using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProvisioningBus.PingOne;

/// <summary>PingOne's JSON: camelCase, and absent rather than null for attributes we do not set (PATCH relies on it).</summary>
internal static class PingOneJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
