using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.OnCall.Silences;

namespace CheckoutWatch.Grains.Alerts;

/// <summary>Silence marks: a live alert a silence covers is marked, and its notifier holds back.</summary>
public sealed partial class AlertFeedGrain
{
    public async Task SetSilencesAsync(ImmutableArray<SilenceView> silences)
    {
        Feed.Silences = [.. silences];
        var now = clock.GetUtcNow();
        var changed = new List<AlertView>();
        foreach (var alert in Feed.Alerts.Values.Where(a => a.Status != AlertStatus.Resolved).ToList())
        {
            if (WithSilenceMark(alert, now).Silenced?.SilenceId != alert.Silenced?.SilenceId)
            {
                changed.Add(Stamp(alert));
            }
        }

        if (changed.Count > 0)
        {
            await PersistAndPublishAsync(changed);
        }
        else
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>The alert with the silence that covers it now (the one ending last), or none; resolved alerts carry none.</summary>
    private AlertView WithSilenceMark(AlertView alert, DateTimeOffset now)
    {
        if (alert.Status == AlertStatus.Resolved)
        {
            return alert.Silenced is null ? alert : alert with { Silenced = null };
        }

        var covering = Feed.Silences
            .Where(s => s.ActiveAt(now) && Rule(s).Covers(alert.MerchantId, alert.Kind, alert.Dimension.Kind, alert.Dimension.Value))
            .MaxBy(s => s.EndsAt);
        if (covering is null)
        {
            return alert.Silenced is null ? alert : alert with { Silenced = null };
        }

        return alert.Silenced?.SilenceId == covering.Id && alert.Silenced.EndsAt == covering.EndsAt
            ? alert
            : alert with { Silenced = new AlertSilenceMark(covering.Id, covering.Author, covering.Reason, covering.EndsAt) };
    }

    private static SilenceRule Rule(SilenceView s) =>
        new(s.MerchantId, s.Kind, s.DimensionKind, s.DimensionValue, s.StartsAt, s.EndsAt);
}
