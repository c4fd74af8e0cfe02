namespace CheckoutWatch.Server.Ingest;

/// <summary>How many applied events were new and how many were duplicates.</summary>
public sealed record IngestOutcome(int Accepted, int Duplicates);
