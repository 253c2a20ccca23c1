namespace Docusign.Emulator.Control;

/// <summary>Body of <c>POST /_emulator/users</c>: a user added without an API call.</summary>
public sealed record SeedUserRequest(string UserName, string Email, string? FirstName, string? LastName, string? JobTitle, string? UserStatus);
