using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Orleans</c>: the embedded silo's identity and ports.</summary>
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
}
