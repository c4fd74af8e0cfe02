using System.Net;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Configuration;

/// <summary>An advertised address must be a concrete IP, and only means something in cluster mode.</summary>
public sealed class OrleansHostOptionsValidator(IConfiguration configuration) : IValidateOptions<OrleansHostOptions>
{
    /// <summary>The setting that turns cluster mode on (Redis membership, storage, reminders, backplane).</summary>
    public const string RedisConnectionStringKey = "CheckoutWatch:Redis:ConnectionString";

    public ValidateOptionsResult Validate(string? name, OrleansHostOptions options)
    {
        if (options.AdvertisedIPAddress is not { } text)
        {
            return ValidateOptionsResult.Success;
        }

        if (!TryParseConcrete(text, out _))
        {
            return ValidateOptionsResult.Fail($"{OrleansHostOptions.Section}:AdvertisedIPAddress '{text}' is not a concrete IP address (in Kubernetes, set it from status.podIP).");
        }

        return string.IsNullOrWhiteSpace(configuration[RedisConnectionStringKey]) && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"))
            ? ValidateOptionsResult.Fail($"{OrleansHostOptions.Section}:AdvertisedIPAddress needs cluster mode ({RedisConnectionStringKey}); the embedded node always uses loopback.")
            : ValidateOptionsResult.Success;
    }

    /// <summary>A full IPv4 dotted quad (not the short forms the parser also takes, such as <c>10.1.2</c>) or IPv6 address, not the any-address.</summary>
    public static bool TryParseConcrete(string text, out IPAddress address) =>
        IPAddress.TryParse(text, out address!)
        && (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || text.Count(c => c == '.') == 3)
        && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any);
}
