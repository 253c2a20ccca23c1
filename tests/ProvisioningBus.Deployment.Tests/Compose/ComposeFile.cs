using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ProvisioningBus.Deployment.Tests.Compose;

/// <summary>
/// docker-compose.yml read the way compose reads it: anchors and merge keys (<c>&lt;&lt;: *service-env</c>) resolved,
/// <c>${NAME:-default}</c> substituted from this process's environment or the default.
/// </summary>
public sealed partial class ComposeFile
{
    private ComposeFile(IReadOnlyList<string> serviceNames, IReadOnlyList<ComposeService> built)
    {
        ServiceNames = serviceNames;
        Built = built;
    }

    /// <summary>Every service's name, which is also its host name on the compose network.</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    /// <summary>The services built from this repository (those with a <c>build</c> section naming a PROJECT).</summary>
    public IReadOnlyList<ComposeService> Built { get; }

    public static ComposeFile Load(string path)
    {
        using var reader = new StreamReader(path);
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(new MergingParser(new Parser(reader)));
        var services = (Dictionary<object, object?>)document["services"]!;
        var built = new List<ComposeService>();
        foreach (var (key, value) in services)
        {
            var service = (Dictionary<object, object?>)value!;
            if (service.GetValueOrDefault("build") is not Dictionary<object, object?> build
                || build.GetValueOrDefault("args") is not Dictionary<object, object?> args
                || args.GetValueOrDefault("PROJECT") is not string project)
            {
                continue;
            }

            var environment = (service.GetValueOrDefault("environment") as Dictionary<object, object?> ?? [])
                .ToDictionary(pair => (string)pair.Key, pair => Substitute(Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), StringComparer.Ordinal);
            built.Add(new ComposeService((string)key, Path.GetDirectoryName(project)!.Replace('\\', '/'), environment, HealthPath(service)));
        }

        return new ComposeFile([.. services.Keys.Cast<string>()], built);
    }

    private static string? HealthPath(Dictionary<object, object?> service) =>
        service.GetValueOrDefault("healthcheck") is Dictionary<object, object?> check && check.GetValueOrDefault("test") is List<object?> test
            ? test.OfType<string>().Select(part => Uri.TryCreate(part, UriKind.Absolute, out var uri) && uri.Scheme == "http" ? uri.AbsolutePath : null).FirstOrDefault(found => found is not null)
            : null;

    private static string Substitute(string value) =>
        Variable().Replace(value, match => Environment.GetEnvironmentVariable(match.Groups["name"].Value) is { Length: > 0 } set ? set : match.Groups["default"].Value);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
