using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Server.Configuration;

/// <summary>
/// One ingest key. Give <see cref="KeyHash"/> (SHA-256 of the key, hex) in real deployments;
/// <see cref="Key"/> (plain text) is accepted for development and is hashed at start.
/// </summary>
public sealed class IngestKeyOptions
{
    /// <summary>A name for logs and audit (never the key itself).</summary>
    [Required, StringLength(64, MinimumLength = 1)]
    public string Name { get; set; } = "";

    public string? Key { get; set; }

    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "KeyHash must be 64 hex characters (SHA-256).")]
    public string? KeyHash { get; set; }

    /// <summary>During a rotation: the key that replaces <see cref="Key"/>; both are valid until the old one is removed.</summary>
    public string? NextKey { get; set; }

    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "NextKeyHash must be 64 hex characters (SHA-256).")]
    public string? NextKeyHash { get; set; }

    /// <summary>Requests per second this key may send on average (429 with Retry-After beyond).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 1_000;

    /// <summary>Requests this key may send at once above its rate.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 2_000;

    /// <summary>Merchant ids this key may send for; "*" means every merchant.</summary>
    [MinLength(1)]
    public List<string> Merchants { get; set; } = [];
}
