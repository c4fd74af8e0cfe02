namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// Which partition holds a session: a stable hash (FNV-1a over merchant id, a separator and
/// session id) modulo the partition count. Every node of a cluster must use the same count.
/// </summary>
public static class SessionPartitions
{
    /// <summary>Enough partitions to keep both cores (or a cluster's nodes) busy, few enough that a batch makes few calls.</summary>
    public const int DefaultCount = 32;

    public static int IndexOf(string merchantId, string sessionId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var hash = Mix(Mix(2166136261u, merchantId), "\n");
        hash = Mix(hash, sessionId);
        return (int)(hash % (uint)count);
    }

    private static uint Mix(uint hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
