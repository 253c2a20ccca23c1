using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Resync;

namespace ProvisioningBus.Outbound.UnitTests;

public sealed class GroupChangeDetailTests
{
    [Theory]
    [InlineData(GroupChangeOutcome.Created, "create", true)]
    [InlineData(GroupChangeOutcome.Renamed, "rename", true)]
    [InlineData(GroupChangeOutcome.Adopted, "adopt", false)]
    [InlineData(GroupChangeOutcome.Unchanged, "unchanged", false)]
    [InlineData(GroupChangeOutcome.Deleted, "delete", false)]
    [InlineData(GroupChangeOutcome.Skipped, "skip", false)]
    public void A_group_change_is_logged_by_what_it_did_and_names_the_group_name_when_it_wrote_it(GroupChangeOutcome outcome, string action, bool writesName)
    {
        var detail = GroupChangeDetail.For(outcome, "event-1");

        Assert.Equal((action, "event-1"), (detail.Action, detail.EventId));
        Assert.Equal(writesName ? [GroupChangeDetail.NameAttribute] : [], detail.ChangedAttributes);
    }

    [Fact]
    public void A_failed_group_change_carries_the_status_Docusign_answered()
    {
        var refused = GroupChangeDetail.Failed(delete: true, "event-2", new DocusignApiException(System.Net.HttpStatusCode.BadRequest, "INVALID_GROUP_ID", "no such group", "DELETE", "/groups"));
        var unanswered = GroupChangeDetail.Failed(delete: false, null, new GroupProvisioningException("BUILT_IN_GROUP", "built in"), ResyncChangeDetail.Reason);

        Assert.Equal(("delete", "event-2", (int?)400), (refused.Action, refused.EventId, refused.CallStatus));
        Assert.Equal(("apply", (int?)null, ResyncChangeDetail.Reason), (unanswered.Action, unanswered.CallStatus, unanswered.Reason));
    }
}
