using System.Text.Json.Serialization;

namespace ProvisioningBus.Docusign.Api.Admin;

/// <summary>The Admin API's <c>PagingResponseProperties</c>; <see cref="Next"/> is absent on the last page.</summary>
public sealed class PagingResponseProperties
{
    [JsonPropertyName("result_set_size")]
    public int? ResultSetSize { get; set; }

    [JsonPropertyName("result_set_start_position")]
    public int? ResultSetStartPosition { get; set; }

    [JsonPropertyName("result_set_end_position")]
    public int? ResultSetEndPosition { get; set; }

    [JsonPropertyName("total_set_size")]
    public int? TotalSetSize { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("previous")]
    public string? Previous { get; set; }
}
