namespace CheckoutWatch.Ingest;

/// <summary>Why a whole batch was refused, with the HTTP status the server answers.</summary>
public enum BatchFailureKind
{
    /// <summary>The body is not JSON / NDJSON at all (400).</summary>
    Malformed = 0,

    /// <summary>More items than <see cref="IngestLimits.MaxBatchEvents"/> (413).</summary>
    TooManyEvents = 1,

    /// <summary>More bytes than <see cref="IngestLimits.MaxBodyBytes"/> (413).</summary>
    BodyTooLarge = 2,
}
