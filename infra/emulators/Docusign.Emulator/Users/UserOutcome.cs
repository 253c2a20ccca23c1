namespace Docusign.Emulator.Users;

/// <summary>Per-item result of a bulk user call: the user as it now is (if any) and/or the item's error.</summary>
internal sealed record UserOutcome(EmulatedUser? User, UserChange Request, EmulatorError? Error, bool Created = false);
