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

    /// <summary>Merchant ids this key may send for; "*" means every merchant.</summary>
    [MinLength(1)]
    public List<string> Merchants { get; set; } = [];
}
