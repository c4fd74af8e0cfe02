namespace CheckoutWatch.Grains.Notifications;

/// <summary>
/// One notification to one target, persisted before its first attempt: the body is fixed at
/// creation (a retry sends the same bytes), the idempotency key is alert:transition:target.
/// </summary>
[GenerateSerializer]
public sealed class DeliveryRecord
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    [Id(0)] public string Key { get; set; } = "";
    [Id(1)] public string Target { get; set; } = "";
    [Id(2)] public string Event { get; set; } = "";
    [Id(3)] public byte[] Body { get; set; } = [];
    [Id(4)] public string State { get; set; } = Pending;
    [Id(5)] public int Attempts { get; set; }
    [Id(6)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(7)] public string? LastError { get; set; }
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
}
