namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>The silence that covers an alert now: it stays on the board, marked, and notifies nobody.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertSilenceMark(
    [property: Id(0)] string SilenceId,
    [property: Id(1)] string Author,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset EndsAt);
