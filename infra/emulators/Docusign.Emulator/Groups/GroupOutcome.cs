namespace Docusign.Emulator.Groups;

/// <summary>Per-item result of a bulk group call.</summary>
internal sealed record GroupOutcome(EmulatedGroup? Group, GroupChange Request, EmulatorError? Error);
