namespace ProvisioningBus.Docusign;

/// <summary>What Test Connection found, naming the step that failed.</summary>
public enum DocusignConnectionTestOutcome
{
    Succeeded,

    /// <summary>The OAuth token endpoint (account server) did not answer.</summary>
    TokenEndpointUnreachable,

    /// <summary>The refresh token was refused (expired, revoked, already used): consent again.</summary>
    InvalidGrant,

    /// <summary>JWT grant: the impersonated user has not consented yet (consent_required).</summary>
    ConsentRequired,

    /// <summary>Integration key or secret refused.</summary>
    InvalidClient,

    /// <summary>Neither the store nor the options hold a refresh token.</summary>
    MissingRefreshToken,

    /// <summary>The consenting user does not belong to the configured account, or the account does not exist.</summary>
    UnknownAccount,

    /// <summary>The user is not an account administrator (user/group management refused).</summary>
    InsufficientPermissions,

    /// <summary>The eSignature REST host (ServiceUri) did not answer.</summary>
    ServiceUnreachable,

    /// <summary>Hourly or burst limit exhausted right now.</summary>
    RateLimited,

    /// <summary>Anything else; see the message.</summary>
    Failed,
}
