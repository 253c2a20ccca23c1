using System.Text.Json;

namespace ProvisioningBus.Expressions;

/// <summary>
/// An attribute source over a JSON document, such as a PingOne user from <c>GET /users/{id}</c>. It walks the
/// JSON lazily and converts only the value a path ends on.
/// </summary>
public sealed class JsonAttributeSource : IAttributeSource
{
    private readonly JsonElement _root;

    /// <param name="root">The document root; cloned, so the source outlives the caller's <see cref="JsonDocument"/>.</param>
    public JsonAttributeSource(JsonElement root)
    {
        _root = root.Clone();
    }

    public static JsonAttributeSource Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonAttributeSource(document.RootElement);
    }

    public ExpressionValue GetValue(AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = _root;
        foreach (var segment in path.Segments)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return NullValue.Instance;
            }
        }

        return ToValue(current);
    }

    /// <summary>Converts a JSON element (and everything under it) to an expression value.</summary>
    public static ExpressionValue ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.True => BooleanValue.True,
        JsonValueKind.False => BooleanValue.False,
        // A number beyond decimal's range (1e400) cannot be an attribute anyone maps; keep its text rather than fail the user.
        JsonValueKind.Number => element.TryGetDecimal(out var number) ? new NumberValue(number) : new StringValue(element.GetRawText()),
        JsonValueKind.Object => new MapValue(element.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, ToValue(property.Value)))),
        JsonValueKind.Array => new ListValue(element.EnumerateArray().Select(ToValue)),
        _ => NullValue.Instance,
    };
}
