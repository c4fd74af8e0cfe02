using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Grains.Outreach;

/// <summary>Exclusive claims, their expiry, and outcomes.</summary>
public sealed partial class OutreachGrain
{
    public async Task<OutreachCommandResult> ClaimAsync(string id, string agent)
    {
        await ExpireClaimsAsync();
        if (!state.State.Items.TryGetValue(id, out var item))
        {
            return NotFound(id);
        }

        if (item.Status == OutreachStatus.Done)
        {
            return OutreachCommandResult.Refused(OutreachRefusal.AlreadyDone, $"Item '{id}' is done ({item.Outcome.ToWire()} by {item.OutcomeBy}).", item);
        }

        if (item.Status == OutreachStatus.Claimed && item.ClaimedBy != agent)
        {
            return HeldByOther(item);
        }

        var now = clock.GetUtcNow();
        var renewed = item.ClaimedBy == agent;
        var claimed = Save(item with
        {
            Status = OutreachStatus.Claimed,
            ClaimedBy = agent,
            ClaimedAt = renewed ? item.ClaimedAt : now,
            ClaimExpiresAt = now + Options.ClaimTimeout,
            UpdatedAt = now,
        });
        await CommitAsync(claimed, now);
        await audit.RecordAsync(agent, AuditActions.OutreachClaimed, id, $"{claimed.Case.MerchantId}: {claimed.Reason.ToWire()}{(renewed ? " (renewed)" : "")}");
        return OutreachCommandResult.Done(claimed);
    }

    public async Task<OutreachCommandResult> ReleaseAsync(string id, string agent, bool force)
    {
        await ExpireClaimsAsync();
        if (!state.State.Items.TryGetValue(id, out var item))
        {
            return NotFound(id);
        }

        if (item.Status != OutreachStatus.Claimed)
        {
            return OutreachCommandResult.Refused(OutreachRefusal.NotClaimed, $"Item '{id}' is {item.Status.ToWire()}, not claimed.", item);
        }

        if (item.ClaimedBy != agent && !force)
        {
            return HeldByOther(item);
        }

        var now = clock.GetUtcNow();
        var released = Save(Unclaimed(item, now));
        await CommitAsync(released, now);
        await audit.RecordAsync(agent, AuditActions.OutreachReleased, id, $"{item.Case.MerchantId}: " + (item.ClaimedBy == agent ? "released" : $"claim of {item.ClaimedBy} released"));
        return OutreachCommandResult.Done(released);
    }

    public async Task<OutreachCommandResult> RecordOutcomeAsync(string id, string agent, OutreachOutcome outcome, long? recoveredAmountMinor, string? note)
    {
        await ExpireClaimsAsync();
        if (!state.State.Items.TryGetValue(id, out var item))
        {
            return NotFound(id);
        }

        if (item.Status == OutreachStatus.Done)
        {
            return OutreachCommandResult.Refused(OutreachRefusal.AlreadyDone, $"Item '{id}' already has the outcome {item.Outcome.ToWire()} (by {item.OutcomeBy}).", item);
        }

        if (item.Status == OutreachStatus.Claimed && item.ClaimedBy != agent)
        {
            return HeldByOther(item);
        }

        var now = clock.GetUtcNow();
        var done = Save(item with
        {
            Status = OutreachStatus.Done,
            ClaimExpiresAt = null,
            Outcome = outcome,
            RecoveredAmountMinor = outcome == OutreachOutcome.Recovered ? recoveredAmountMinor : null,
            OutcomeBy = agent,
            OutcomeAt = now,
            OutcomeNote = note,
            UpdatedAt = now,
        });
        await CommitAsync(done, now);
        var amount = done.RecoveredAmountMinor is { } minor ? $" {minor} {done.Case.Currency}" : "";
        await audit.RecordAsync(agent, AuditActions.OutreachOutcome, id, $"{done.Case.MerchantId}: {outcome.ToWire()}{amount}");
        return OutreachCommandResult.Done(done);
    }

    /// <summary>Returns every lapsed claim to the queue: persisted, pushed and audited as the system's doing.</summary>
    private async Task ExpireClaimsAsync()
    {
        var now = clock.GetUtcNow();
        var lapsed = state.State.Items.Values
            .Where(i => i.Status == OutreachStatus.Claimed && i.ClaimExpiresAt <= now)
            .ToList();
        if (lapsed.Count == 0)
        {
            return;
        }

        var reopened = lapsed.Select(i => Save(Unclaimed(i, now))).ToList();
        await WriteAsync();
        Publish(reopened, now);
        foreach (var item in lapsed)
        {
            await audit.RecordAsync(SystemActor, AuditActions.OutreachClaimExpired, item.Id, $"{item.Case.MerchantId}: claim of {item.ClaimedBy} lapsed unused");
        }

        ArmExpiry();
    }

    private async Task ExpireOnTimerAsync()
    {
        _expiryTimer?.Dispose();
        _expiryTimer = null;
        await ExpireClaimsAsync();
        ArmExpiry();
    }

    /// <summary>One timer, due at the earliest claim expiry.</summary>
    private void ArmExpiry()
    {
        _expiryTimer?.Dispose();
        _expiryTimer = null;
        var next = state.State.Items.Values.Where(i => i.Status == OutreachStatus.Claimed).Min(i => i.ClaimExpiresAt);
        if (next is not { } due)
        {
            return;
        }

        var wait = due - clock.GetUtcNow();
        _expiryTimer = this.RegisterGrainTimer(ExpireOnTimerAsync, new GrainTimerCreationOptions
        {
            DueTime = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }

    private async Task CommitAsync(OutreachItem item, DateTimeOffset now)
    {
        Prune(now);
        await WriteAsync();
        ArmExpiry();
        Publish([item], now);
    }

    private static OutreachItem Unclaimed(OutreachItem item, DateTimeOffset now) =>
        item with { Status = OutreachStatus.Open, ClaimedBy = null, ClaimedAt = null, ClaimExpiresAt = null, UpdatedAt = now };

    private static OutreachCommandResult HeldByOther(OutreachItem item) => OutreachCommandResult.Refused(
        OutreachRefusal.ClaimedByOther, $"{item.ClaimedBy} has claimed this item (since {item.ClaimedAt:HH:mm:ss} UTC, until {item.ClaimExpiresAt:HH:mm:ss} UTC unless renewed).", item);

    private static OutreachCommandResult NotFound(string id) => OutreachCommandResult.Refused(OutreachRefusal.NotFound, $"No outreach item '{id}'.");
}
