using System.Text.Json.Serialization;

namespace ProvisioningBus.PingOne.Connection;

/// <summary>The token endpoint's answer.</summary>
internal sealed record PingOneTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);
