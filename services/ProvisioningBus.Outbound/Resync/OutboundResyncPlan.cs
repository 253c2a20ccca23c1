using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// What a full resync of one outbound rule would do, decided from one read of both sides and written by nothing.
/// <see cref="OutboundRuleResync"/> executes it; a dry run only shows it.
/// </summary>
/// <param name="Creates">Users to create in Docusign, and closed ones to reactivate.</param>
/// <param name="Updates">Users whose Docusign attributes differ from the mapped ones.</param>
/// <param name="Closes">In-scope users whose mapped userStatus asks for a closed Docusign account.</param>
/// <param name="Deprovisions">Linked users no longer in scope, to close in Docusign and unlink (Remove Action Delete).</param>
/// <param name="Unlinks">Linked users no longer in scope whose Docusign user stays ('Enable users deprovision' off).</param>
/// <param name="Settles">Users already right, or not written (mapping failed, an action is off): ledger and link only.</param>
/// <param name="Linked">Users the rule had provisioned when the plan was read (the mass-deletion guard's base).</param>
public sealed record OutboundResyncPlan(
    string RuleName,
    IReadOnlyList<PlannedUserWrite> Creates,
    IReadOnlyList<PlannedUserWrite> Updates,
    IReadOnlyList<PlannedUserWrite> Closes,
    IReadOnlyList<UserLink> Deprovisions,
    IReadOnlyList<UserLink> Unlinks,
    IReadOnlyList<PlannedUserSettle> Settles,
    int Linked)
{
    /// <summary>Docusign users the plan closes: in-scope users mapped to Closed, and linked users gone from the scope.</summary>
    public int Closing => Closes.Count + Deprovisions.Count;
}
