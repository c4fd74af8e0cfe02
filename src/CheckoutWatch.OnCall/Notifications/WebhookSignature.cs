using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CheckoutWatch.OnCall.Notifications;

/// <summary>
/// The generic webhook's signature: header <c>CheckoutWatch-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>
/// where v1 is HMAC-SHA256, keyed with the target's secret, of <c>"&lt;t&gt;." + body</c>. The
/// timestamp inside the signed text lets a receiver refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "CheckoutWatch-Signature";

    /// <summary>Receivers should refuse signatures older (or further ahead) than this.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds();
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>What a receiver does: parse, check the age, recompute, compare in constant time.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null)
        {
            return false;
        }

        long? timestamp = null;
        byte[]? signature = null;
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                return false;
            }

            if (pair[0] == "t" && long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (pair[0] == "v1" && pair[1].Length == 64)
            {
                try
                {
                    signature = Convert.FromHexString(pair[1]);
                }
                catch (FormatException)
                {
                    return false;
                }
            }
        }

        if (timestamp is not { } ts || signature is null)
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(ts);
        return age.Duration() <= tolerance && CryptographicOperations.FixedTimeEquals(Mac(secret, ts, body), signature);
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
