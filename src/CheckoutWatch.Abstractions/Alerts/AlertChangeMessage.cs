namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>
/// One detection change for the feed: <see cref="Change"/> is opened, updated, resolved or
/// reopened; <see cref="Alert"/> carries the figures (its id, sequence and status are the feed's).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertChangeMessage(
    [property: Id(0)] string Change,
    [property: Id(1)] AlertView Alert);
