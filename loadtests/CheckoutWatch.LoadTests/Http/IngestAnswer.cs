namespace CheckoutWatch.LoadTests.Http;

/// <summary>The parts of a <c>202</c> answer the harness checks: <c>{accepted, duplicates, rejected:[{index, eventId, errors}]}</c>.</summary>
public readonly record struct IngestAnswer(int Accepted, int Duplicates, int Rejected, string? FirstRejection);
