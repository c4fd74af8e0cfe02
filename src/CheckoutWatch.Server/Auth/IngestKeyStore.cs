using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using CheckoutWatch.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Holds only hashes of the configured keys (up to two per name: current and next, for rotation).
/// A presented key is hashed and compared with every stored hash in constant time, so neither
/// timing nor memory dumps give a key away. Revoked hashes (<see cref="SetRevoked"/>, kept by the
/// revocation grain) are refused.
/// </summary>
public sealed class IngestKeyStore
{
    private readonly IngestKey[] _keys;
    private readonly Dictionary<string, IngestKey> _byName;
    private volatile FrozenSet<string> _revoked = FrozenSet<string>.Empty;

    public IngestKeyStore(IOptions<IngestOptions> options)
    {
        _keys = [.. options.Value.Keys.SelectMany(Slots)];
        _byName = _keys.GroupBy(k => k.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public int Count => _keys.Length;

    /// <summary>Every configured key (hashes and fingerprints only).</summary>
    public IReadOnlyList<IngestKey> All => _keys;

    /// <summary>A key with this configured name (names are not secret); both slots share its limits.</summary>
    public IngestKey? ByName(string name) => _byName.GetValueOrDefault(name);

    public bool IsRevoked(IngestKey key) => _revoked.Contains(key.HashHex);

    /// <summary>Replaces the revoked hashes (hex) this node refuses.</summary>
    public void SetRevoked(IEnumerable<string> hashes) => _revoked = hashes.Select(h => h.ToUpperInvariant()).ToFrozenSet(StringComparer.Ordinal);

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key matching <paramref name="presented"/> unless it is revoked, or null.</summary>
    public IngestKey? Find(string presented)
    {
        var hash = Hash(presented);
        IngestKey? match = null;
        foreach (var key in _keys)
        {
            // No early exit: every key is compared whatever matched before.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                match = key;
            }
        }

        return match is not null && !IsRevoked(match) ? match : null;
    }

    private static IEnumerable<IngestKey> Slots(IngestKeyOptions k)
    {
        var merchants = new HashSet<string>(k.Merchants, StringComparer.Ordinal);
        yield return new IngestKey(k.Name, IngestKeySlots.Current, HashOf(k.Key, k.KeyHash), merchants, k.RequestsPerSecond, k.Burst);
        if (!string.IsNullOrEmpty(k.NextKey) || !string.IsNullOrEmpty(k.NextKeyHash))
        {
            yield return new IngestKey(k.Name, IngestKeySlots.Next, HashOf(k.NextKey, k.NextKeyHash), merchants, k.RequestsPerSecond, k.Burst);
        }
    }

    private static byte[] HashOf(string? key, string? hex) => hex is { Length: > 0 } ? Convert.FromHexString(hex) : Hash(key!);
}
