namespace Docusign.Emulator.Infrastructure;

internal sealed record FaultDecision(FaultKind Kind, TimeSpan Latency, int ServerErrorStatusCode, TimeSpan TimeoutDuration)
{
    public static FaultDecision None { get; } = new(FaultKind.None, TimeSpan.Zero, 0, TimeSpan.Zero);
}
