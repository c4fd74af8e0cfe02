namespace CheckoutWatch.OnCall.Configuration;

/// <summary>Where one named target's notifications go.</summary>
public sealed class NotificationTargetOptions
{
    public const string Webhook = "webhook";
    public const string PagerDuty = "pagerduty";

    /// <summary>The public PagerDuty Events API v2 endpoint.</summary>
    public static readonly Uri PagerDutyEventsUrl = new("https://events.pagerduty.com/v2/enqueue");

    /// <summary><c>webhook</c> (generic JSON, HMAC-signed) or <c>pagerduty</c> (Events API v2).</summary>
    public string Type { get; set; } = Webhook;

    /// <summary>The endpoint; for PagerDuty it defaults to <see cref="PagerDutyEventsUrl"/>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared HMAC-SHA256 secret of a webhook (at least 16 characters).</summary>
    public string? Secret { get; set; }

    /// <summary>The PagerDuty integration (routing) key.</summary>
    public string? RoutingKey { get; set; }

    public Uri Endpoint => Url ?? PagerDutyEventsUrl;
}
