using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Grains.Diagnostics;
using CheckoutWatch.OnCall.Configuration;
using CheckoutWatch.OnCall.Notifications;

namespace CheckoutWatch.Grains.Notifications;

/// <summary>Attempts: signing, sending, and the retry schedule.</summary>
public sealed partial class AlertNotifierGrain
{
    private async Task SendDueAsync(DateTimeOffset now, List<AlertTimelineEntry> entries)
    {
        var due = Notifier.Deliveries.Values
            .Where(d => d.State == DeliveryRecord.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt)
            .ToList();
        foreach (var delivery in due)
        {
            if (!options.Value.Targets.TryGetValue(delivery.Target, out var target))
            {
                // The target was removed from the configuration since: nothing left to send to.
                delivery.State = DeliveryRecord.Failed;
                delivery.LastError = "target no longer configured";
                delivery.NextAttemptAt = null;
                continue;
            }

            var result = await sender.SendAsync(target.Endpoint, delivery.Body, Headers(target, delivery, clock.GetUtcNow()), CancellationToken.None);
            delivery.Attempts++;
            if (result.Delivered)
            {
                delivery.State = DeliveryRecord.Delivered;
                delivery.LastError = null;
                delivery.NextAttemptAt = null;
                GrainMetrics.NotificationsDelivered.Add(1);
                continue;
            }

            delivery.LastError = result.Error;
            GrainMetrics.NotificationFailed(target.Type, FailureReason(result.Error));
            if (result.Retryable && retries.MayRetry(delivery.Attempts))
            {
                delivery.NextAttemptAt = clock.GetUtcNow() + retries.DelayAfter(delivery.Attempts);
                entries.Add(new AlertTimelineEntry(clock.GetUtcNow(), AlertTimelineEntry.DeliveryFailed, "notifier",
                    $"{delivery.Event} → {delivery.Target}: {result.Error}; attempt {delivery.Attempts}, retrying at {delivery.NextAttemptAt:HH:mm:ss}"));
            }
            else
            {
                delivery.State = DeliveryRecord.Failed;
                delivery.NextAttemptAt = null;
                GrainMetrics.NotificationsGivenUp.Add(1);
                entries.Add(new AlertTimelineEntry(clock.GetUtcNow(), AlertTimelineEntry.DeliveryGivenUp, "notifier",
                    $"{delivery.Event} → {delivery.Target}: {result.Error}; given up after {delivery.Attempts} attempts"));
            }
        }

        if (due.Count > 0)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>A small fixed set of metric reasons.</summary>
    private static string FailureReason(string? error) => error switch
    {
        "timed out" => "timeout",
        { } e when e.StartsWith("HTTP 5", StringComparison.Ordinal) => "http_5xx",
        { } e when e.StartsWith("HTTP ", StringComparison.Ordinal) => "rejected",
        _ => "network",
    };

    private static List<KeyValuePair<string, string>> Headers(NotificationTargetOptions target, DeliveryRecord delivery, DateTimeOffset now)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Idempotency-Key", delivery.Key) };
        if (target.Type == NotificationTargetOptions.Webhook)
        {
            // Signed at each attempt: the receiver's freshness check holds for retries too.
            headers.Add(new(WebhookSignature.Header, WebhookSignature.Sign(target.Secret!, now, delivery.Body)));
            headers.Add(new("CheckoutWatch-Event", delivery.Event));
        }

        return headers;
    }
}
