using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Detection.Windows;

/// <summary>One failed payment as the monitor remembers it (dimension values already normalised).</summary>
public readonly record struct FailureRecord(
    DateTimeOffset At,
    string SessionId,
    long? AmountMinor,
    string? Currency,
    string? DeclineCode,
    FailureKind Kind,
    DeclineClass Class,
    bool Actionable,
    string? Psp,
    string? PaymentMethod,
    string? CardNetwork);
