namespace Docusign.Emulator;

/// <summary>
/// What re-POSTing a closed user's userName+email does. Docusign's behaviour is undocumented: one answer says the
/// closed user is reactivated, a later comment says a new user is created (fact sheet §1.7), so both are emulated.
/// </summary>
public enum ClosedUserReactivation
{
    SameUserId,
    NewUserId,
}
