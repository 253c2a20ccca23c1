using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>A user a resync left because a live change held its lease: what the plan saw and would have done.</summary>
public sealed record BusyUser(string PingOneUserId, UserLink? SeenLink, RunCounter.Kind Planned);
