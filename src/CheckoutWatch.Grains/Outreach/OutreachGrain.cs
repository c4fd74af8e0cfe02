using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Grains.Board;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Grains.Outreach;

/// <summary>
/// The outreach queue (key 0). Claims, releases and outcomes are written before they are
/// answered, so a claim survives the node that took it; new findings are written at most once a
/// second (<see cref="IntakeWriteDelay"/>), because during an incident they arrive by the hundred.
/// A timer on the injected clock returns abandoned claims to the queue.
/// </summary>
public sealed partial class OutreachGrain(
    [PersistentState("outreach", OutreachGrain.StorageName)] IPersistentState<OutreachState> state,
    TimeProvider clock,
    IOutreachNotifier board,
    IAuditLog audit,
    IOptions<OutreachOptions> options) : Grain, IOutreachGrain
{
    public const string StorageName = "outreach";
    public const string SystemActor = "system";
    public static readonly TimeSpan IntakeWriteDelay = TimeSpan.FromSeconds(1);

    private OutreachOptions Options => options.Value;
    private IGrainTimer? _expiryTimer;
    private IGrainTimer? _writeTimer;
    private bool _dirty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Claims that lapsed while nobody was active lapse now, with their audit entries.
        await ExpireClaimsAsync();
        ArmExpiry();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task AddAsync(ImmutableArray<OutreachCandidate> candidates)
    {
        var now = clock.GetUtcNow();
        var changed = new List<OutreachItem>();
        foreach (var candidate in candidates)
        {
            if (Take(candidate, now) is { } item)
            {
                changed.Add(item);
            }
        }

        if (changed.Count == 0)
        {
            return Task.CompletedTask;
        }

        Prune(now);
        _dirty = true;
        _writeTimer ??= this.RegisterGrainTimer(WriteIntakeAsync, new GrainTimerCreationOptions
        {
            DueTime = IntakeWriteDelay,
            Period = Timeout.InfiniteTimeSpan,
        });
        Publish(changed.Where(i => state.State.Items.ContainsKey(i.Id)).ToList(), now);
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<OutreachItem>> ListAsync(OutreachQuery query)
    {
        await ExpireClaimsAsync();
        var items = state.State.Items.Values.Where(i =>
            (query.Status is null || i.Status == query.Status)
            && (query.MerchantId is null || i.Case.MerchantId == query.MerchantId)
            && (query.Reason is null || i.Reason == query.Reason)
            && (query.ClaimedBy is null || i.ClaimedBy == query.ClaimedBy));
        return [.. OutreachRules.Prioritise(items).Take(Math.Max(1, query.Limit))];
    }

    public async Task<OutreachItem?> GetAsync(string id)
    {
        await ExpireClaimsAsync();
        return state.State.Items.GetValueOrDefault(id);
    }

    public async Task<SavedToday> GetSavedTodayAsync()
    {
        await ExpireClaimsAsync();
        return OutreachRules.SavedToday(state.State.Items.Values, clock.GetUtcNow());
    }

    /// <summary>A new item for the candidate, or the customer's open item updated; null when nothing changed.</summary>
    private OutreachItem? Take(OutreachCandidate candidate, DateTimeOffset now)
    {
        var key = OutreachRules.CustomerKey(candidate);
        if (state.State.ItemByCustomer.TryGetValue(key, out var id) && state.State.Items.TryGetValue(id, out var known))
        {
            if (known.Status != OutreachStatus.Done)
            {
                var merged = OutreachRules.Merge(known.Case, candidate);
                return merged == known.Case ? null : Save(known with { Case = merged, UpdatedAt = now });
            }

            // Already handled for this reason: a repeat of the same finding is no new case.
            if (known.Reason == candidate.Reason)
            {
                return null;
            }
        }

        var item = new OutreachItem($"or-{++state.State.ItemsCreated:D6}", candidate, now) { UpdatedAt = now };
        state.State.ItemByCustomer[key] = item.Id;
        return Save(item);
    }

    private OutreachItem Save(OutreachItem item)
    {
        var saved = item with { Version = ++state.State.Version };
        state.State.Items[saved.Id] = saved;
        return saved;
    }

    /// <summary>Done items from before today and untouched open items go; the open queue keeps its most valuable items.</summary>
    private void Prune(DateTimeOffset now)
    {
        var dayStart = OutreachRules.DayStart(now);
        var stale = state.State.Items.Values.Where(i =>
            (i.Status == OutreachStatus.Done && i.OutcomeAt < dayStart)
            || (i.Status == OutreachStatus.Open && i.UpdatedAt < now - Options.OpenRetention)).ToList();
        var open = state.State.Items.Values.Where(i => i.Status == OutreachStatus.Open).ToList();
        if (open.Count > Options.MaxOpenItems)
        {
            stale.AddRange(OutreachRules.Prioritise(open).Skip(Options.MaxOpenItems));
        }

        foreach (var item in stale)
        {
            state.State.Items.Remove(item.Id);
        }

        if (stale.Count > 0)
        {
            foreach (var (key, id) in state.State.ItemByCustomer.Where(p => !state.State.Items.ContainsKey(p.Value)).ToList())
            {
                state.State.ItemByCustomer.Remove(key);
            }
        }

        var cutoff = now - EscalationRetention;
        state.State.Escalations.RemoveAll(e => e.RaisedAt < cutoff);
    }

    private async Task WriteIntakeAsync()
    {
        _writeTimer?.Dispose();
        _writeTimer = null;
        await WriteAsync();
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        _dirty = false;
    }

    private void Publish(IReadOnlyList<OutreachItem> changed, DateTimeOffset now)
    {
        if (changed.Count > 0)
        {
            board.ItemsChanged(changed, OutreachRules.SavedToday(state.State.Items.Values, now));
        }
    }
}
