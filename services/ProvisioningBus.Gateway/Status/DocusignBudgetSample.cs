namespace ProvisioningBus.Gateway.Status;

/// <summary>One reading of a connection's remaining Docusign budget; a limit is null until an answer named it.</summary>
public sealed record DocusignBudgetSample(DateTimeOffset At, int? HourlyLimit, int? HourlyRemaining, int? BurstLimit, int? BurstRemaining);

/// <summary>A connection's budget samples, oldest first.</summary>
public sealed record DocusignBudgetSeries(string Connection, string AccountId, IReadOnlyList<DocusignBudgetSample> Samples);
