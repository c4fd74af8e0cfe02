namespace CheckoutWatch.Server.Ingest;

/// <summary>
/// How many applied events were new and how many were duplicates, and which were refused because
/// their session is full (positions in the list of events handed to the pipeline).
/// </summary>
public sealed record IngestOutcome(int Accepted, int Duplicates)
{
    public IReadOnlyList<int> SessionFull { get; init; } = [];
}
