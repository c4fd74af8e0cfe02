namespace CheckoutWatch.LoadTests.Generator;

/// <summary>The two bodies <c>POST /api/v1/events</c> accepts.</summary>
public enum BatchFormat
{
    /// <summary>A JSON array of events, <c>application/json</c>.</summary>
    JsonArray = 0,

    /// <summary>One event per line, <c>application/x-ndjson</c>.</summary>
    Ndjson = 1,
}
