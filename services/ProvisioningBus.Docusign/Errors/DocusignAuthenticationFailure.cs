namespace ProvisioningBus.Docusign;

/// <summary>Why the token endpoint did not give an access token.</summary>
public enum DocusignAuthenticationFailure
{
    /// <summary>The token endpoint answered with an error we do not classify further.</summary>
    Other,

    /// <summary>No answer: DNS, connection refused, TLS, timeout.</summary>
    TokenEndpointUnreachable,

    /// <summary>invalid_grant: the refresh token is unknown, used, expired or revoked; a person must consent again.</summary>
    InvalidGrant,

    /// <summary>invalid_client / unauthorized_client: wrong integration key or secret.</summary>
    InvalidClient,

    /// <summary>No refresh token in the store nor in the connection's options.</summary>
    MissingRefreshToken,

    /// <summary>consent_required (JWT grant): the impersonated user has not consented to the integration key yet.</summary>
    ConsentRequired,
}
