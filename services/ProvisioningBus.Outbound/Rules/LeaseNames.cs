namespace ProvisioningBus.Outbound.Rules;

/// <summary>The store lease names outbound work serialises on; every instance of every worker uses the same ones.</summary>
public static class LeaseNames
{
    /// <summary>One change of one user under one rule at a time, on any instance.</summary>
    public static string User(string rule, string pingOneUserId) => $"user:{rule}:{pingOneUserId}";

    /// <summary>One full resync of a rule at a time.</summary>
    public static string Resync(string rule) => $"resync:{rule}";

    /// <summary>One instance compares a rule's configuration with the stored one (and acts on the change) at a time.</summary>
    public static string RuleConfiguration(string rule) => $"rule-config:{rule}";
}
