using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Orleans</c>: the silo's identity and ports.</summary>
public sealed class OrleansHostOptions : IValidatableObject
{
    public const string Section = "CheckoutWatch:Orleans";

    [Required]
    public string ClusterId { get; set; } = "checkoutwatch";

    [Required]
    public string ServiceId { get; set; } = "checkoutwatch";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Cluster mode only: the IP address other nodes reach this one at (default: the host's own
    /// address, listening on all). With it, the silo listens on that address only.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdvertisedAddress is { Length: > 0 } address && !IPAddress.TryParse(address, out _))
        {
            yield return new ValidationResult($"{Section}:AdvertisedAddress '{address}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }
    }
}
