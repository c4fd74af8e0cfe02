using System.Text.Json;
using CheckoutWatch.OnCall.Escalation;

namespace CheckoutWatch.OnCall.Notifications;

/// <summary>
/// The bodies notifications carry (docs/notifications.md): the generic webhook's JSON and the
/// PagerDuty Events API v2 event, whose <c>dedup_key</c> is the alert id so trigger, acknowledge
/// and resolve of one alert land on one PagerDuty incident.
/// </summary>
public static class NotificationPayloads
{
    public const string Source = "checkoutwatch";

    public static string EventName(NotificationEvent e) => e switch
    {
        NotificationEvent.Trigger => "trigger",
        NotificationEvent.Acknowledge => "acknowledge",
        _ => "resolve",
    };

    public static byte[] Generic(AlertSummary alert, PlannedNotification n, string idempotencyKey, DateTimeOffset at, Uri? boardUrl) =>
        Write(w =>
        {
            w.WriteString("id", idempotencyKey);
            w.WriteString("event", EventName(n.Event));
            w.WriteString("reason", n.Reason);
            w.WriteNumber("level", n.Level);
            w.WriteString("target", n.Target);
            w.WriteString("sentAt", at);
            w.WriteStartObject("alert");
            WriteAlert(w, alert, boardUrl);
            w.WriteEndObject();
        });

    public static byte[] PagerDuty(AlertSummary alert, PlannedNotification n, string routingKey, Uri? boardUrl) =>
        Write(w =>
        {
            w.WriteString("routing_key", routingKey);
            w.WriteString("event_action", EventName(n.Event));
            w.WriteString("dedup_key", alert.Id);
            if (n.Event == NotificationEvent.Trigger)
            {
                w.WriteStartObject("payload");
                w.WriteString("summary", Truncate(alert.Title, 1024));
                w.WriteString("source", $"{Source}/{alert.MerchantId}");
                w.WriteString("severity", alert.Severity switch { "critical" => "critical", "major" => "error", _ => "warning" });
                w.WriteString("timestamp", alert.DetectedAt);
                w.WriteString("component", alert.MerchantId);
                w.WriteString("group", alert.DimensionKind == "merchant" ? alert.MerchantId : $"{alert.DimensionKind}:{alert.DimensionValue}");
                w.WriteString("class", alert.Kind);
                w.WriteStartObject("custom_details");
                WriteAlert(w, alert, boardUrl);
                w.WriteString("reason", n.Reason);
                w.WriteEndObject();
                w.WriteEndObject();
                if (boardUrl is not null)
                {
                    w.WriteStartArray("links");
                    w.WriteStartObject();
                    w.WriteString("href", boardUrl.ToString());
                    w.WriteString("text", "CheckoutWatch board");
                    w.WriteEndObject();
                    w.WriteEndArray();
                }
            }
        });

    private static void WriteAlert(Utf8JsonWriter w, AlertSummary a, Uri? boardUrl)
    {
        w.WriteString("id", a.Id);
        w.WriteString("merchantId", a.MerchantId);
        w.WriteString("kind", a.Kind);
        w.WriteString("severity", a.Severity);
        w.WriteString("status", a.Status);
        w.WriteString("title", a.Title);
        w.WriteStartObject("dimension");
        w.WriteString("kind", a.DimensionKind);
        w.WriteString("value", a.DimensionValue);
        w.WriteEndObject();
        w.WriteString("detectedAt", a.DetectedAt);
        WriteNumberOrNull(w, "observedRate", a.ObservedRate);
        WriteNumberOrNull(w, "baselineRate", a.BaselineRate);
        w.WriteNumber("affectedSessions", a.AffectedSessions);
        w.WriteNumber("revenueAtRiskMinor", a.RevenueAtRiskMinor);
        w.WriteString("currency", a.Currency);
        w.WriteString("acknowledgedBy", a.AcknowledgedBy);
        w.WriteString("resolvedBy", a.ResolvedBy);
        if (boardUrl is not null)
        {
            w.WriteString("boardUrl", boardUrl.ToString());
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
