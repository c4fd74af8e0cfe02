namespace CheckoutWatch.Fuzz;

/// <summary>
/// The names one run uses and the node's limits. Tracked merchants receive only requests whose
/// every item is known; hostile mutations go to a junk merchant whose name no one-byte mutation
/// turns into a tracked one, so they can never touch the tracked counts.
/// </summary>
internal sealed class FuzzScope(string runId, int maxBodyBytes, int maxBatchEvents)
{
    public const int SessionPool = 2_000;

    public string RunId { get; } = runId;
    public int MaxBodyBytes { get; } = maxBodyBytes;
    public int MaxBatchEvents { get; } = maxBatchEvents;

    /// <summary>Two short merchant ids and one at the 64-character limit.</summary>
    public string[] TrackedMerchants { get; } = [runId + "-a", runId + "-b", (runId + "-" + new string('m', 64))[..64]];

    public string JunkMerchant => RunId + "-junk-merchant";
    public string LedgerMerchant => RunId + "-ledger";

    public string Merchant(Random random) => TrackedMerchants[random.Next(TrackedMerchants.Length)];

    /// <summary>
    /// A session from a fixed pool (so sessions collect many events over a run), or the one big
    /// session: about 2,000 events in a 100,000-request run, well under the node's 10,000 cap.
    /// </summary>
    public static string Session(Random random)
    {
        if (random.Next(400) == 0) return "big-session";
        var n = random.Next(SessionPool);
        return n % 7 == 0 ? $"s{n}-ü" : $"s{n}";
    }

    public string EventId(Random random, int caseIndex, int item) =>
        ValidEventFactory.EventId(random, $"{RunId}-v{caseIndex}-{item}");
}
