namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>The answer to acknowledge/resolve/reopen: the alert, or why not.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertCommandResult(
    [property: Id(0)] AlertView? Alert,
    [property: Id(1)] string? Error)
{
    public bool NotFound => Alert is null && Error is null;
}
