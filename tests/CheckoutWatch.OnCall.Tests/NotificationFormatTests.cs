using System.Text;
using System.Text.Json;
using CheckoutWatch.OnCall.Configuration;
using CheckoutWatch.OnCall.Escalation;
using CheckoutWatch.OnCall.Notifications;

namespace CheckoutWatch.OnCall.Tests;

public sealed class NotificationFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly AlertSummary Alert = new("al-000042", "shop", "payment_failure_spike", "critical", "open",
        "Technical payment failures on PSP adyen: 40 %", "psp", "adyen", Now, 0.4, 0.02, 17, 123_400, "EUR", null, null);

    [Fact]
    public void A_signature_verifies_with_the_secret_and_fails_for_a_changed_body_another_secret_or_an_old_timestamp()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":"trigger"}""");
        var header = WebhookSignature.Sign("0123456789abcdef", Now, body);
        Assert.Matches("^t=\\d+,v1=[0-9a-f]{64}$", header);

        Assert.True(WebhookSignature.Verify("0123456789abcdef", header, body, Now.AddSeconds(30), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("0123456789abcdef", header, Encoding.UTF8.GetBytes("""{"event":"resolve"}"""), Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("another-secret-000", header, body, Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("0123456789abcdef", header, body, Now.AddMinutes(6), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("0123456789abcdef", "t=1,v1=zz", body, Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("0123456789abcdef", null, body, Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void The_signature_is_the_documented_hmac_of_timestamp_dot_body()
    {
        var body = Encoding.UTF8.GetBytes("{}");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("0123456789abcdef"), Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.{{}}")));
        Assert.Equal($"t={Now.ToUnixTimeSeconds()},v1={expected}", WebhookSignature.Sign("0123456789abcdef", Now, body));
    }

    [Fact]
    public void PagerDuty_events_share_the_alert_id_as_dedup_key_and_only_a_trigger_carries_a_payload()
    {
        var trigger = JsonDocument.Parse(NotificationPayloads.PagerDuty(Alert, new("c1.l0", NotificationEvent.Trigger, "pd", 0, "opened"), "RK", new Uri("http://board.example/"))).RootElement;
        Assert.Equal("RK", trigger.GetProperty("routing_key").GetString());
        Assert.Equal("trigger", trigger.GetProperty("event_action").GetString());
        Assert.Equal("al-000042", trigger.GetProperty("dedup_key").GetString());
        var payload = trigger.GetProperty("payload");
        Assert.Equal("critical", payload.GetProperty("severity").GetString());
        Assert.Equal("checkoutwatch/shop", payload.GetProperty("source").GetString());
        Assert.StartsWith("Technical payment failures", payload.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://board.example/", trigger.GetProperty("links")[0].GetProperty("href").GetString());

        var resolve = JsonDocument.Parse(NotificationPayloads.PagerDuty(Alert, new("c1.resolve", NotificationEvent.Resolve, "pd", 0, "resolved"), "RK", null)).RootElement;
        Assert.Equal("resolve", resolve.GetProperty("event_action").GetString());
        Assert.Equal("al-000042", resolve.GetProperty("dedup_key").GetString());
        Assert.False(resolve.TryGetProperty("payload", out _));
    }

    [Fact]
    public void The_generic_payload_names_event_reason_level_and_the_alert()
    {
        var json = JsonDocument.Parse(NotificationPayloads.Generic(Alert, new("c1.l1", NotificationEvent.Trigger, "secondary", 1, "escalated"), "al-000042:c1.l1:secondary", Now, null)).RootElement;
        Assert.Equal("al-000042:c1.l1:secondary", json.GetProperty("id").GetString());
        Assert.Equal("trigger", json.GetProperty("event").GetString());
        Assert.Equal("escalated", json.GetProperty("reason").GetString());
        Assert.Equal(1, json.GetProperty("level").GetInt32());
        Assert.Equal("al-000042", json.GetProperty("alert").GetProperty("id").GetString());
        Assert.Equal("adyen", json.GetProperty("alert").GetProperty("dimension").GetProperty("value").GetString());
        Assert.Equal(0.4, json.GetProperty("alert").GetProperty("observedRate").GetDouble());
    }

    [Fact]
    public void Retries_back_off_exponentially_within_jitter_bounds_up_to_the_cap_and_the_attempt_limit()
    {
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(60), MaxAttempts = 4 };
        var schedule = new RetrySchedule(options, new Random(1));
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var ceiling = Math.Min(2 * Math.Pow(2, attempt - 1), 60);
            var delay = schedule.DelayAfter(attempt).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }

        // Same seed, same delays: tests can rely on them.
        Assert.Equal(new RetrySchedule(options, new Random(9)).DelayAfter(3), new RetrySchedule(options, new Random(9)).DelayAfter(3));
        Assert.True(schedule.MayRetry(3));
        Assert.False(schedule.MayRetry(4));
    }
}
