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

    private readonly MappingSet mappings;

    private PingOneAttributeMapping(MappingSet mappings) => this.mappings = mappings;

    /// <summary>Parses and validates; returns the errors, each prefixed with its PingOne target attribute.</summary>
    public static IReadOnlyList<string> Compile(IReadOnlyDictionary<string, string> configured, out PingOneAttributeMapping? mapping)
    {
        // externalId carries the Docusign userId and the population is the rule's: neither is the mapping's to set.
        var errors = MappingSet.Compile(Defaults, configured, Validator, RejectTarget, out var set);
        mapping = set is null ? null : new PingOneAttributeMapping(set);
        return errors;
    }

    /// <exception cref="UnmappableUserException">The mappings give no username or email, which PingOne requires.</exception>
    public MappedPingOneUser Map(string docusignUserId, DocusignUserAttributes user)
    {
        var source = DocusignUserAttributeSource.From(docusignUserId, user);
        string? Text(string target)
        {
            try
            {
                return mappings.Text(target, source) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
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

    private static string? RejectTarget(string target) =>
        SupportedTargets.Contains(target)
            ? null
            : $"the inbound applier does not write PingOne '{target}'; mappable targets are {string.Join(", ", SupportedTargets.Order(StringComparer.Ordinal))}";
}
