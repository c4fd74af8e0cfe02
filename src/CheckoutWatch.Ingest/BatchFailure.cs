namespace CheckoutWatch.Ingest;

/// <summary>A whole batch refused; <see cref="Message"/> is written for the client (problem details' detail).</summary>
public sealed record BatchFailure(BatchFailureKind Kind, string Message);
