using PingOne.Emulator.Activities;
using PingOne.Emulator.Auth;
using PingOne.Emulator.Directory;
using PingOne.Emulator.Webhooks;

namespace PingOne.Emulator.Api;

/// <summary>Everything the endpoints of one emulated environment share.</summary>
internal sealed record EmulatorContext(
    PingOneEmulatorOptions Options,
    DirectoryState State,
    ActivityLog Log,
    SubscriptionRegistry Subscriptions,
    TokenIssuer Tokens,
    FaultInjector Faults,
    ApiJson Json,
    TimeProvider Time);
