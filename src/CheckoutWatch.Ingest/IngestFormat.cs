namespace CheckoutWatch.Ingest;

/// <summary>The two body formats of <c>POST /api/v1/events</c>.</summary>
public enum IngestFormat
{
    /// <summary><c>application/json</c>: one JSON array of event objects.</summary>
    Json = 0,

    /// <summary><c>application/x-ndjson</c>: one event object per line.</summary>
    Ndjson = 1,
}
