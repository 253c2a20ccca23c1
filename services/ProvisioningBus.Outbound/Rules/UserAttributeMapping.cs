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

    /// <summary>
    /// Every Docusign user attribute a mapping may target: what the users API takes on create (POST /users) and update
    /// (PUT /users) as a plain value. userStatus becomes a close or a reactivation (mission §4); a permission profile is
    /// set by id, or by name resolved through GET /permission_profiles.
    /// </summary>
    public static readonly IReadOnlyList<string> SupportedTargets =
    [
        "userName", "email", "firstName", "middleName", "lastName", "suffixName", "title", "jobTitle", "company",
        "permissionProfileId", "permissionProfileName", "userStatus",
    ];

    /// <summary>The optional mapping that <see cref="Core.Rules.OutboundRuleOptions.MapEnabledToUserStatus"/> adds.</summary>
    public const string EnabledToUserStatus = "#root.enabled ? 'Active' : 'Closed'";

    private static readonly AttributeMappingValidator Validator = new(KnownSchemas.PingOne, KnownSchemas.Docusign);

    private readonly MappingSet mappings;

    private UserAttributeMapping(MappingSet mappings) => this.mappings = mappings;

    /// <summary>Parses and validates; returns the errors, each prefixed with its target attribute.</summary>
    public static IReadOnlyList<string> Compile(IReadOnlyDictionary<string, string> configured, out UserAttributeMapping? mapping)
    {
        var errors = MappingSet.Compile(Defaults, configured, Validator, RejectTarget, out var set);
        if (configured.ContainsKey("permissionProfileId") && configured.ContainsKey("permissionProfileName"))
        {
            errors = [.. errors, "permissionProfileName: map the permission profile by id or by name, not both (permissionProfileId is mapped too)."];
            set = null;
        }

        mapping = set is null ? null : new UserAttributeMapping(set);
        return errors;
    }

    /// <summary>The rule's mappings: the configured ones plus the ready-made ones its settings switch on.</summary>
    public static IReadOnlyList<string> Compile(Core.Rules.OutboundRuleOptions rule, out UserAttributeMapping? mapping)
    {
        if (!rule.MapEnabledToUserStatus)
        {
            return Compile(rule.Mappings, out mapping);
        }

        if (rule.Mappings.ContainsKey("userStatus"))
        {
            mapping = null;
            return ["userStatus: MapEnabledToUserStatus adds this mapping; remove one of the two (Mappings:userStatus or MapEnabledToUserStatus)."];
        }

        return Compile(new Dictionary<string, string>(rule.Mappings, StringComparer.Ordinal) { ["userStatus"] = EnabledToUserStatus }, out mapping);
    }

    private static string? RejectTarget(string target) => SupportedTargets.Contains(target, StringComparer.Ordinal)
        ? null
        : $"'{target}' is not a Docusign user attribute that can be mapped (supported: {string.Join(", ", SupportedTargets)}).";

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

        return new MappedDocusignUser(userName, email, Text("firstName"), Text("lastName"), Text("jobTitle"), Text("userStatus"))
        {
            MiddleName = Optional("middleName"),
            SuffixName = Optional("suffixName"),
            Title = Optional("title"),
            Company = Optional("company"),
            PermissionProfileId = Optional("permissionProfileId"),
            PermissionProfileName = Optional("permissionProfileName"),
        };

        // Mapped but empty is "", so the update clears the attribute; not mapped stays null and is never sent.
        string? Optional(string target) => mappings.ExpressionText(target) is null ? null : Text(target) ?? string.Empty;
    }
}
