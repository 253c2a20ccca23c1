namespace Docusign.Emulator;

/// <summary>Injected latency and faults, applied to every non-<c>/_emulator</c> request matching <see cref="PathPrefix"/>.</summary>
public sealed record EmulatorFaultSettings
{
    /// <summary>Only requests whose path starts with this are affected; null means <c>/restapi</c> and <c>/oauth</c>.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Delay added before every affected request is handled.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Probability (0..1) of answering <see cref="ServerErrorStatusCode"/>.</summary>
    public double ServerErrorRate { get; init; }

    public int ServerErrorStatusCode { get; init; } = 503;

    /// <summary>Probability (0..1) of hanging for <see cref="TimeoutDuration"/> and then answering 504.</summary>
    public double TimeoutRate { get; init; }

    public TimeSpan TimeoutDuration { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Probability (0..1) of aborting the connection without a response.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>The next N affected requests fail with <see cref="ServerErrorStatusCode"/> (deterministic, for tests).</summary>
    public int FailNextRequests { get; init; }

    /// <summary>The next N affected requests hang like a timeout.</summary>
    public int TimeoutNextRequests { get; init; }

    /// <summary>The next N affected requests have their connection dropped.</summary>
    public int DropNextRequests { get; init; }

    /// <summary>Seed for the random fault draws (null: nondeterministic).</summary>
    public int? Seed { get; init; }
}
