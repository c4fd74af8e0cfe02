namespace CheckoutWatch.Server.Ingest;

/// <summary>Per input index whether the event was a duplicate, and the totals.</summary>
public sealed record IngestOutcome(bool[] Duplicate, int Accepted, int Duplicates);
