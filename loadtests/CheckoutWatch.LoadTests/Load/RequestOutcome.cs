namespace CheckoutWatch.LoadTests.Load;

/// <summary>What one request achieved: events accepted, or an error kind the report groups by.</summary>
public readonly record struct RequestOutcome(bool Ok, int Events, int RejectedEvents, int Duplicates, string? ErrorKind, string? Detail)
{
    public static RequestOutcome Success(int events, int duplicates = 0) => new(true, events, 0, duplicates, null, null);

    public static RequestOutcome Failure(string kind, string? detail = null, int rejectedEvents = 0) =>
        new(false, 0, rejectedEvents, 0, kind, detail);
}
