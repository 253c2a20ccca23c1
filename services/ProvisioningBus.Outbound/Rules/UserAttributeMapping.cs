using ProvisioningBus.Expressions;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>
/// A rule's PingOne → Docusign user mappings, parsed and type-checked once when the rule loads.
/// </summary>
public sealed class UserAttributeMapping
{
    /// <summary>The product page's default Docusign attributes (mission §4). Configured mappings replace them per target.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Docusign shows userName as the person's name: the full name, else given + family, else the PingOne username.
        ["userName"] = "name.formatted ?: #string.trim(name.given + ' ' + name.family) ?: username",
        ["email"] = "email",
        ["firstName"] = "name.given",
        ["lastName"] = "name.family",
        ["jobTitle"] = "title",
    };

    private static readonly AttributeMappingValidator Validator = new(KnownSchemas.PingOne, KnownSchemas.Docusign);

    private readonly MappingSet mappings;

    private UserAttributeMapping(MappingSet mappings) => this.mappings = mappings;

    /// <summary>Parses and validates; returns the errors, each prefixed with its target attribute.</summary>
    public static IReadOnlyList<string> Compile(IReadOnlyDictionary<string, string> configured, out UserAttributeMapping? mapping)
    {
        var errors = MappingSet.Compile(Defaults, configured, Validator, rejectTarget: null, out var set);
        mapping = set is null ? null : new UserAttributeMapping(set);
        return errors;
    }

    public MappedDocusignUser Map(IAttributeSource user)
    {
        string? Text(string target)
        {
            try
            {
                return mappings.Text(target, user);
            }
            catch (ExpressionEvaluationException ex)
            {
                // e.g. a null condition: guessing a value could close or rename the wrong user, so the user fails instead.
                throw new UnmappableUserException($"the mapping of {target} ('{mappings.ExpressionText(target)}') cannot be evaluated for this user: {ex.Message}");
            }
        }

        var email = Text("email");
        var userName = Text("userName");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(userName))
        {
            // Docusign requires both on create (docusign-api.md §1.2).
            throw new UnmappableUserException($"the mappings produced no {(string.IsNullOrWhiteSpace(email) ? "email" : "userName")}, which Docusign requires");
        }

        return new MappedDocusignUser(userName, email, Text("firstName"), Text("lastName"), Text("jobTitle"), Text("userStatus"));
    }
}
