namespace CheckoutWatch.Fuzz;

/// <summary>
/// What a request's answer must be. Tracked cases know every item: the exact status, accepted and
/// duplicate counts and which indexes are rejected with which code. Hostile cases know only the
/// statuses that are acceptable answers to that kind of input.
/// </summary>
internal sealed record CaseExpectation(IReadOnlySet<int> Statuses)
{
    public int? Accepted { get; init; }
    public int? Duplicates { get; init; }

    /// <summary>Rejected item index → the code its errors must include.</summary>
    public IReadOnlyDictionary<int, string>? Rejected { get; init; }

    public bool Tracked => Accepted is not null;

    public static CaseExpectation Status(params int[] statuses) => new(statuses.ToHashSet());

    public static CaseExpectation Batch(int accepted, int duplicates, Dictionary<int, string> rejected) =>
        new(new HashSet<int> { 202 }) { Accepted = accepted, Duplicates = duplicates, Rejected = rejected };
}
