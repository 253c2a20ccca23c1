using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProvisioningBus.Docusign.Tests.RateLimits;

public sealed class CallPriorityTests
{
    [Fact]
    public async Task Calls_made_in_a_background_scope_ask_the_account_budget_as_background_work_and_others_as_live()
    {
        var budget = new RecordingBudget();
        await using var context = await DocusignTestContext.StartAsync(
            configureServices: services => services.Replace(ServiceDescriptor.Singleton<IDocusignAccountBudget>(budget)));

        using (DocusignCallPriority.Background(0.3))
        {
            await context.Client.ListUsersAsync().ToListAsync();
        }

        await context.Client.GetUserAsync(context.State.AdminUserId);

        Assert.Equal([new DocusignCallPriority(0.3), DocusignCallPriority.Live], budget.Asked);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_background_scope_needs_a_reserve_from_zero_to_below_one(double reserve) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DocusignCallPriority.Background(reserve));

    private sealed class RecordingBudget : IDocusignAccountBudget
    {
        private readonly ConcurrentQueue<DocusignCallPriority> asked = new();

        public IReadOnlyList<DocusignCallPriority> Asked => [.. asked];

        public ValueTask<TimeSpan> TryReserveAsync(string accountId, TimeSpan burstWindow, DocusignCallPriority priority, CancellationToken cancellationToken)
        {
            asked.Enqueue(priority);
            return ValueTask.FromResult(TimeSpan.Zero);
        }

        public ValueTask ObserveAsync(string accountId, DocusignBudgetReading reading, TimeSpan burstWindow, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
