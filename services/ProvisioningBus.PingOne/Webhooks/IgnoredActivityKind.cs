namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>Why a well-formed event carries no change for us; the gateway counts ignored events by it.</summary>
public enum IgnoredActivityKind
{
    /// <summary>An action type we do not handle (sign-ons, password changes, …).</summary>
    UnhandledType,

    /// <summary>A change that did not happen: <c>result.status</c> is not SUCCESS.</summary>
    NotSucceeded,
}
