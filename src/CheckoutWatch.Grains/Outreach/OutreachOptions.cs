using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Grains.Outreach;

/// <summary>Section <c>CheckoutWatch:Outreach</c>: how long a claim holds and how much of the queue is kept.</summary>
public sealed class OutreachOptions
{
    public const string Section = "CheckoutWatch:Outreach";

    /// <summary>An abandoned claim returns to the queue after this long (each claim renews it).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Open items nobody touched for this long leave the queue.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan OpenRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most this many open items are kept; the lowest-priority unclaimed ones go first.</summary>
    [Range(10, 100_000)]
    public int MaxOpenItems { get; set; } = 2000;
}
