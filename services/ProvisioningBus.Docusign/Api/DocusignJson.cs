using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProvisioningBus.Docusign.Api;

/// <summary>Serializer settings for Docusign bodies: camelCase, unset properties omitted (never null), lenient scalars.</summary>
public static class DocusignJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new LenientStringConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
