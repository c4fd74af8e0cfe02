using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Orleans</c>: the silo's identity, ports and advertised address.</summary>
public sealed class OrleansHostOptions
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
    /// The address other nodes reach this silo at (in Kubernetes the pod IP, from
    /// <c>status.podIP</c>); the silo listens on that address only. Cluster mode only: unset,
    /// Orleans picks this host's first non-loopback address.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }
}
