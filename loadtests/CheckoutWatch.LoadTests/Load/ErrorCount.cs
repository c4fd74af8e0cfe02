namespace CheckoutWatch.LoadTests.Load;

/// <summary>How often one kind of error happened, with the first example seen.</summary>
public sealed record ErrorCount(string Kind, long Count, string? Example);
