using System.Security.Cryptography;
using System.Text;
using CheckoutWatch.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Holds only hashes of the configured keys. A presented key is hashed and compared with every
/// stored hash in constant time, so neither timing nor memory dumps give a key away.
/// </summary>
public sealed class IngestKeyStore
{
    private readonly IngestKey[] _keys;
    private readonly Dictionary<string, IngestKey> _byName;

    public IngestKeyStore(IOptions<IngestOptions> options)
    {
        _keys = [.. options.Value.Keys.Select(k => new IngestKey(
            k.Name,
            k.KeyHash is { Length: > 0 } hex ? Convert.FromHexString(hex) : Hash(k.Key!),
            new HashSet<string>(k.Merchants, StringComparer.Ordinal),
            k.RequestsPerSecond,
            k.Burst))];
        _byName = _keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    public int Count => _keys.Length;

    /// <summary>The key with this configured name (names are not secret).</summary>
    public IngestKey? ByName(string name) => _byName.GetValueOrDefault(name);

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key matching <paramref name="presented"/>, or null.</summary>
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

        return match;
    }
}
