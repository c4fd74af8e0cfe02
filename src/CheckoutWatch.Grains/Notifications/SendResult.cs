namespace CheckoutWatch.Grains.Notifications;

/// <summary>The outcome of one attempt: delivered, or why not and whether a retry can help.</summary>
public sealed record SendResult(bool Delivered, bool Retryable, string? Error)
{
    public static SendResult Ok { get; } = new(true, false, null);
}
