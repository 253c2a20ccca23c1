namespace Docusign.Emulator;

/// <summary>A snapshot of one user in the emulated account.</summary>
public sealed record EmulatedUser
{
    public required string UserId { get; init; }
    public required string UserName { get; init; }
    public required string Email { get; init; }
    public string? FirstName { get; init; }
    public string? MiddleName { get; init; }
    public string? LastName { get; init; }
    public string? SuffixName { get; init; }

    /// <summary>The salutation (spec <c>title</c>), not the job title.</summary>
    public string? Title { get; init; }
    public string? JobTitle { get; init; }
    public string? Company { get; init; }

    /// <summary>ActivationRequired, ActivationSent, Active, Closed or Disabled (Docusign's spelling).</summary>
    public required string UserStatus { get; init; }

    public bool IsAdmin { get; init; }
    public required string PermissionProfileId { get; init; }
    public required string PermissionProfileName { get; init; }
    public required string MembershipId { get; init; }
    public required DateTimeOffset CreatedDateTime { get; init; }
    public DateTimeOffset LastModified { get; init; }

    /// <summary>Creation order, which is the order of list results.</summary>
    public long Sequence { get; init; }
}
