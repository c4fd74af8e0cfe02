namespace CheckoutWatch.Fuzz;

/// <summary>One request of the run, built from its own seeded random source, and what its answer must be.</summary>
internal sealed record FuzzCase(int Index, string Kind, byte[] Body, string? ContentType, CaseExpectation Expect)
{
    /// <summary>The ingest key to send; null sends none.</summary>
    public string? Key { get; init; }

    /// <summary>Sends the body without a Content-Length (chunked).</summary>
    public bool Chunked { get; init; }

    /// <summary>Valid events sent for the first time, each to be accepted exactly once.</summary>
    public IReadOnlyList<EventDraft> Fresh { get; init; } = [];
}
