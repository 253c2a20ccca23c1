using ProvisioningBus.Contracts;
using ProvisioningBus.Expressions;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>An inbound rule's Docusign → PingOne user mappings, parsed and type-checked once when the rule loads.</summary>
public sealed class PingOneAttributeMapping
{
    /// <summary>Issue 5's defaults. Configured mappings replace them per PingOne target.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["username"] = "userName",
        ["email"] = "email",
        ["name.given"] = "firstName",
        ["name.family"] = "lastName",
        ["title"] = "jobTitle",
    };

    /// <summary>The PingOne attributes the applier writes (what PingOne's create and PATCH bodies carry).</summary>
    public static readonly IReadOnlySet<string> SupportedTargets = new HashSet<string>(StringComparer.Ordinal)
    {
        "username", "email", "name.given", "name.family", "name.middle", "name.formatted", "title",
    };

    private static readonly AttributeMappingValidator Validator = new(KnownSchemas.Docusign, KnownSchemas.PingOne);

    private readonly IReadOnlyDictionary<string, MappingExpression> expressions;

    private PingOneAttributeMapping(IReadOnlyDictionary<string, MappingExpression> expressions) => this.expressions = expressions;

    /// <summary>Parses and validates; returns the errors, each prefixed with its PingOne target attribute.</summary>
    public static IReadOnlyList<string> Compile(IReadOnlyDictionary<string, string> configured, out PingOneAttributeMapping? mapping)
    {
        var merged = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (target, source) in configured)
        {
            merged[target] = source;
        }

        var errors = new List<string>();
        var compiled = new Dictionary<string, MappingExpression>(StringComparer.Ordinal);
        foreach (var (target, source) in merged)
        {
            if (!SupportedTargets.Contains(target))
            {
                // externalId carries the Docusign userId and the population is the rule's: neither is the mapping's to set.
                errors.Add($"{target}: the inbound applier does not write PingOne '{target}'; mappable targets are {string.Join(", ", SupportedTargets.Order(StringComparer.Ordinal))}");
                continue;
            }

            var result = Validator.Validate(AttributeMapping.FromExpression(source, target));
            if (result.IsValid && result.Expression is not null)
            {
                compiled[target] = result.Expression;
            }
            else
            {
                errors.AddRange(result.Errors.Select(error => $"{target}: {error.Message}"));
            }
        }

        mapping = errors.Count == 0 ? new PingOneAttributeMapping(compiled) : null;
        return errors;
    }

    /// <exception cref="UnmappableUserException">The mappings give no username or email, which PingOne requires.</exception>
    public MappedPingOneUser Map(string docusignUserId, DocusignUserAttributes user)
    {
        var source = DocusignUserAttributeSource.From(docusignUserId, user);
        string? Text(string target)
        {
            if (!expressions.TryGetValue(target, out var expression))
            {
                return null;
            }

            try
            {
                return expression.Evaluate(source).ToText() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
            }
            catch (ExpressionEvaluationException exception)
            {
                throw new UnmappableUserException($"the mapping of PingOne '{target}' failed: {exception.Message}");
            }
        }

        var username = Text("username");
        var email = Text("email");
        if (username is null || email is null)
        {
            // PingOne requires both on create (pingone-api.md §2.2).
            throw new UnmappableUserException($"the mappings produced no {(username is null ? "username" : "email")}, which PingOne requires");
        }

        return new MappedPingOneUser(username, email, Text("name.given"), Text("name.family"), Text("name.middle"), Text("name.formatted"), Text("title"));
    }
}
