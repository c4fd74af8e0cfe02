namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>A note someone wrote on an alert.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertNoteView(
    [property: Id(0)] string Text,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At);
