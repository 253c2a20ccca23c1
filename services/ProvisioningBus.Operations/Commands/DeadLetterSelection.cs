using ProvisioningBus.Core.DeadLetters;

namespace ProvisioningBus.Operations.Commands;

/// <summary>Which dead-lettered changes a command acts on: <c>--rule</c> and <c>--entity</c>, both optional.</summary>
public sealed record DeadLetterSelection(string? Rule, string? Entity)
{
    public static DeadLetterSelection All { get; } = new(null, null);

    public bool IsAll => Rule is null && Entity is null;

    /// <summary>A message that is not an entity change has no rule nor entity: only an unfiltered command takes it.</summary>
    public bool Matches(ChangeSubject? subject) => IsAll || subject?.Matches(Rule, Entity) == true;
}
