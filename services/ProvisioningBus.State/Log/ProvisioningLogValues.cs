namespace ProvisioningBus.State.Log;

/// <summary>The words the log's direction and outcome columns hold, as the metrics name outcomes.</summary>
public static class ProvisioningLogValues
{
    public const string Outbound = "outbound";
    public const string Inbound = "inbound";
    public const string Operator = "operator";

    public const string Success = "success";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    public static IReadOnlyList<string> Outcomes { get; } = [Success, Skipped, Failed];
}
