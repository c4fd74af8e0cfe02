using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Alerts;

namespace CheckoutWatch.Grains.Silences;

/// <summary>
/// The silences. A timer on the injected clock wakes at the next start or end and hands the feed
/// the silences in force, so an alert is unmarked (and may notify) the moment its silence ends.
/// A reminder keeps the grain coming back while silences are pending, even after a restart.
/// A silence that ends by time is audited once (actor <c>system</c>); one ended early is audited
/// by the API, with who ended it.
/// </summary>
public sealed class SilenceGrain(
    [PersistentState("silences", AlertFeedGrain.StorageName)] IPersistentState<SilenceState> state,
    IAuditLog audit,
    TimeProvider clock) : Grain, ISilenceGrain, IRemindable
{
    /// <summary>Who ends a silence whose time is up, in the audit log.</summary>
    public const string SystemActor = "system";

    /// <summary>Ended silences stay listed this long.</summary>
    public static readonly TimeSpan EndedRetention = TimeSpan.FromDays(1);

    private const string WakeReminder = "silence-boundaries";
    private IGrainTimer? _timer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Boundaries that passed while nobody was active take effect now.
        if (state.State.Silences.Count > 0)
        {
            await PublishAsync();
        }
    }

    public async Task<SilenceView> CreateAsync(SilenceView silence)
    {
        var created = silence with { Id = $"si-{state.State.NextNumber++:D6}", CreatedAt = clock.GetUtcNow() };
        state.State.Silences.Add(created);
        await PublishAsync();
        return created;
    }

    public Task<ImmutableArray<SilenceView>> ListAsync() =>
        Task.FromResult(state.State.Silences.OrderByDescending(s => s.EndsAt > clock.GetUtcNow()).ThenBy(s => s.StartsAt).ToImmutableArray());

    public async Task<SilenceView?> ExpireAsync(string id, string by)
    {
        var index = state.State.Silences.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var silence = state.State.Silences[index];
        if (silence.EndsAt <= now)
        {
            return silence;
        }

        // A scheduled silence that has not started ends before it starts.
        var expired = silence with { EndsAt = now, StartsAt = silence.StartsAt > now ? now : silence.StartsAt, ExpiredBy = by };
        state.State.Silences[index] = expired;
        await PublishAsync();
        return expired;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => PublishAsync();

    private async Task PublishAsync()
    {
        var now = clock.GetUtcNow();
        await AuditEndsAsync(now);
        state.State.Silences.RemoveAll(s => s.EndsAt < now - EndedRetention);
        state.State.EndAudited.IntersectWith(state.State.Silences.Select(s => s.Id));
        await state.WriteStateAsync();

        var pending = state.State.Silences.Where(s => s.EndsAt > now).ToImmutableArray();
        await GrainFactory.GetGrain<IAlertFeedGrain>(0).SetSilencesAsync(pending);
        await ArmAsync(pending, now);
    }

    /// <summary>Silences that reached their end time since the last look, each audited once.</summary>
    private async Task AuditEndsAsync(DateTimeOffset now)
    {
        foreach (var ended in state.State.Silences.Where(s => s.EndsAt <= now && s.ExpiredBy is null && !state.State.EndAudited.Contains(s.Id)).ToList())
        {
            await audit.RecordAsync(SystemActor, AuditActions.SilenceEnded, ended.Id,
                $"{ended.MerchantId ?? "*"}/{ended.Kind ?? "*"} ended at {ended.EndsAt:u} (by {ended.Author}: {ended.Reason})");
            state.State.EndAudited.Add(ended.Id);
        }
    }

    private async Task ArmAsync(ImmutableArray<SilenceView> pending, DateTimeOffset now)
    {
        _timer?.Dispose();
        _timer = null;
        var next = pending.Select(s => s.StartsAt > now ? s.StartsAt : s.EndsAt).DefaultIfEmpty().Min();
        if (pending.IsEmpty)
        {
            var reminder = await this.GetReminder(WakeReminder);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        _timer = this.RegisterGrainTimer(PublishAsync, new GrainTimerCreationOptions
        {
            DueTime = next - now,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
        await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }
}
