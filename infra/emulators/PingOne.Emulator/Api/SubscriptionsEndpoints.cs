using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PingOne.Emulator.Directory;
using PingOne.Emulator.Webhooks;

namespace PingOne.Emulator.Api;

/// <summary>
/// <c>/environments/{envId}/subscriptions</c> with the Subscription shape of fact sheet §1.2. Only the ACTIVITY
/// format over HTTP(S) is delivered; plain http URLs are accepted because the receivers here are loopback Kestrels.
/// </summary>
internal sealed class SubscriptionsEndpoints(EmulatorContext context)
{
    private const int MaximumFilterEntries = 10;

    public IResult List(HttpRequest request) =>
        ApiResults.Json(Paging.Page(
            request,
            "subscriptions",
            context.Subscriptions.All().Select(d => d.Definition).ToList(),
            d => d.CreatedAt.UtcTicks,
            Render,
            1000));

    public IResult Get(string subscriptionId)
    {
        var delivery = context.Subscriptions.Find(subscriptionId) ?? throw EmulatorApiException.NotFound($"subscription with id {subscriptionId}");
        return ApiResults.Json(Render(delivery.Definition));
    }

    public async Task<IResult> Create(HttpRequest request, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        var now = context.Time.GetUtcNow();
        var definition = Read(body, Guid.NewGuid().ToString(), now, now);
        context.Subscriptions.Create(definition);
        return ApiResults.Json(Render(definition), StatusCodes.Status201Created);
    }

    /// <summary>PUT replaces the whole subscription; there is no PATCH (fact sheet §1.1).</summary>
    public async Task<IResult> Replace(HttpRequest request, string subscriptionId, CancellationToken ct)
    {
        var existing = context.Subscriptions.Find(subscriptionId) ?? throw EmulatorApiException.NotFound($"subscription with id {subscriptionId}");
        var body = await ApiResults.ReadObjectAsync(request, ct);
        var definition = Read(body, subscriptionId, existing.Definition.CreatedAt, context.Time.GetUtcNow());
        context.Subscriptions.Replace(definition);
        return ApiResults.Json(Render(definition));
    }

    public async Task<IResult> Delete(string subscriptionId)
    {
        await context.Subscriptions.DeleteAsync(subscriptionId);
        return Results.NoContent();
    }

    public static SubscriptionDefinition Read(JsonObject body, string id, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var name = ApiResults.String(body, "name") ?? throw EmulatorApiException.Invalid("name is required", "name", "REQUIRED_VALUE");
        var enabled = Boolean(body, "enabled") ?? throw EmulatorApiException.Invalid("enabled is required", "enabled", "REQUIRED_VALUE");
        var verifyTls = Boolean(body, "verifyTlsCertificates")
            ?? throw EmulatorApiException.Invalid("verifyTlsCertificates is required", "verifyTlsCertificates", "REQUIRED_VALUE");
        var format = ApiResults.String(body, "format") ?? "ACTIVITY";
        if (format != "ACTIVITY")
        {
            throw EmulatorApiException.Invalid($"The emulator delivers only the ACTIVITY format, not {format}", "format");
        }

        var endpoint = body["httpEndpoint"] as JsonObject ?? body["connectionDetails"] as JsonObject
            ?? throw EmulatorApiException.Invalid("httpEndpoint is required", "httpEndpoint", "REQUIRED_VALUE");
        var url = ApiResults.String(endpoint, "url") ?? throw EmulatorApiException.Invalid("httpEndpoint.url is required", "httpEndpoint.url", "REQUIRED_VALUE");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw EmulatorApiException.Invalid("httpEndpoint.url must be an absolute HTTPS URL", "httpEndpoint.url");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (endpoint["headers"] is JsonObject headerJson)
        {
            foreach (var (header, value) in headerJson)
            {
                headers[header] = value?.GetValue<string>() ?? string.Empty;
            }
        }

        var filter = body["filterOptions"] as JsonObject
            ?? throw EmulatorApiException.Invalid("filterOptions is required", "filterOptions", "REQUIRED_VALUE");
        var actionTypes = (filter["includedActionTypes"] as JsonArray)?.Select(t => t?.GetValue<string>()).OfType<string>().ToList() ?? [];
        if (actionTypes.Count == 0)
        {
            throw EmulatorApiException.Invalid("filterOptions.includedActionTypes must not be empty", "filterOptions.includedActionTypes", "REQUIRED_VALUE");
        }

        var payloadSize = 500;
        var payloadFormat = "JSON_ARRAY";
        if (body["payloadOptions"] is JsonObject payload)
        {
            if (payload["maximumPayloadLimit"] is JsonObject limit && ApiResults.String(limit, "type") == "EVENTS_PER_PAYLOAD")
            {
                payloadSize = limit["size"]?.GetValue<int>() ?? 500;
                if (payloadSize is < 1 or > 500)
                {
                    throw EmulatorApiException.Invalid("EVENTS_PER_PAYLOAD size must be 1-500", "payloadOptions.maximumPayloadLimit.size", "OUT_OF_RANGE");
                }
            }

            payloadFormat = (payload["payloadFormat"]?["https"]?["format"])?.GetValue<string>() ?? payloadFormat;
        }

        return new SubscriptionDefinition
        {
            Id = id,
            Name = name,
            Enabled = enabled,
            Format = format,
            Url = url,
            Headers = headers,
            IncludedActionTypes = actionTypes,
            IncludedPopulations = Ids(filter, "includedPopulations"),
            IncludedApplications = Ids(filter, "includedApplications"),
            MaxEventsPerPayload = payloadSize,
            PayloadFormat = payloadFormat,
            VerifyTlsCertificates = verifyTls,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    private JsonObject Render(SubscriptionDefinition definition)
    {
        JsonObject Endpoint() => new()
        {
            ["url"] = definition.Url,
            ["headers"] = new JsonObject([.. definition.Headers.Select(h => new KeyValuePair<string, JsonNode?>(h.Key, h.Value))]),
        };

        var filter = new JsonObject
        {
            ["includedActionTypes"] = new JsonArray([.. definition.IncludedActionTypes.Select(t => (JsonNode)JsonValue.Create(t))]),
        };
        if (definition.IncludedPopulations.Count > 0)
        {
            filter["includedPopulations"] = new JsonArray([.. definition.IncludedPopulations.Select(p => (JsonNode)new JsonObject { ["id"] = p })]);
        }

        if (definition.IncludedApplications.Count > 0)
        {
            filter["includedApplications"] = new JsonArray([.. definition.IncludedApplications.Select(a => (JsonNode)new JsonObject { ["id"] = a })]);
        }

        return new JsonObject
        {
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = context.Json.EnvironmentHref($"subscriptions/{definition.Id}") } },
            ["id"] = definition.Id,
            ["environment"] = new JsonObject { ["id"] = context.Options.EnvironmentId },
            ["name"] = definition.Name,
            ["enabled"] = definition.Enabled,
            ["format"] = definition.Format,
            ["protocol"] = "HTTPS",
            ["httpEndpoint"] = Endpoint(),
            ["connectionDetails"] = Endpoint(),
            ["verifyTlsCertificates"] = definition.VerifyTlsCertificates,
            ["filterOptions"] = filter,
            ["payloadOptions"] = new JsonObject
            {
                ["maximumPayloadLimit"] = new JsonObject { ["type"] = "EVENTS_PER_PAYLOAD", ["size"] = definition.MaxEventsPerPayload },
                ["payloadFormat"] = new JsonObject { ["https"] = new JsonObject { ["format"] = definition.PayloadFormat } },
            },
            ["createdAt"] = ApiJson.Timestamp(definition.CreatedAt),
            ["updatedAt"] = ApiJson.Timestamp(definition.UpdatedAt),
        };
    }

    private static bool? Boolean(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private static List<string> Ids(JsonObject filter, string name)
    {
        var ids = (filter[name] as JsonArray)?.Select(item => (item as JsonObject)?["id"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
        if (ids.Count > MaximumFilterEntries)
        {
            throw EmulatorApiException.Invalid($"filterOptions.{name} allows at most {MaximumFilterEntries} entries", $"filterOptions.{name}", "SIZE_LIMIT_EXCEEDED");
        }

        return ids;
    }
}
