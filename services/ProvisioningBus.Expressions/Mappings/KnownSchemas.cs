namespace ProvisioningBus.Expressions;

/// <summary>The user schemas of the two systems, from the fact sheets (docusign-api.md §1.7–1.8, pingone-api.md §2.2).</summary>
public static class KnownSchemas
{
    /// <summary>Docusign eSignature <c>userInformation</c>: every attribute is a string, including <c>isAdmin</c>.</summary>
    public static AttributeSchema Docusign { get; } = new(
        "Docusign",
        [
            Text("userName"), Text("email"), Text("firstName"), Text("lastName"), Text("middleName"), Text("suffixName"),
            Text("title"), Text("jobTitle"), Text("company"), Text("userType"), Text("isAdmin"),
            Text("permissionProfileId"), Text("permissionProfileName"), Text("userId"),
            Text("userStatus") with
            {
                AllowedValues = ["ActivationRequired", "ActivationSent", "Active", "Closed", "Disabled"],
                // Mission §4: enabled → Active, disabled → Closed (closing is the only documented way to switch a user off).
                BooleanEncoding = new BooleanEncoding("Active", "Closed"),
            },
        ],
        acceptsUndeclaredAttributes: false);

    /// <summary>PingOne <c>User</c>; environments may add custom attributes, so undeclared names are accepted.</summary>
    public static AttributeSchema PingOne { get; } = new(
        "PingOne",
        [
            Text("id"), Text("username"), Text("email"), Text("name.given"), Text("name.family"), Text("name.middle"),
            Text("name.formatted"), Text("name.honorificPrefix"), Text("name.honorificSuffix"), Text("title"),
            Text("nickname"), Text("type"), Text("locale"), Text("preferredLanguage"), Text("timezone"),
            Text("mobilePhone"), Text("primaryPhone"), Text("address.streetAddress"), Text("address.locality"),
            Text("address.region"), Text("address.postalCode"), Text("address.countryCode"), Text("externalId"),
            Text("photo.href"), Text("population.id"), Text("createdAt"), Text("updatedAt"),
            Text("lifecycle.status") with { AllowedValues = ["ACCOUNT_OK", "VERIFICATION_REQUIRED"] },
            Text("account.status") with { AllowedValues = ["LOCKED", "OK"] },
            Flag("enabled"), Flag("mfaEnabled"), Flag("emailVerified"), Flag("account.canAuthenticate"),
        ],
        acceptsUndeclaredAttributes: true);

    private static AttributeDefinition Text(string name) => new(name, ExpressionType.String);

    private static AttributeDefinition Flag(string name) => new(name, ExpressionType.Boolean);
}
