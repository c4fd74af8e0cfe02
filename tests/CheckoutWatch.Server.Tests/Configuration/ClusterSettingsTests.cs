using System.ComponentModel.DataAnnotations;
using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CheckoutWatch.Server.Tests.Configuration;

/// <summary>Cluster-mode settings are checked at start: a wrong one stops the node with the reason.</summary>
public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData("127.0.0.1:6379,ssl=maybe", "not a valid Redis configuration string")]
    [InlineData("127.0.0.1:6379,nosuchoption=1", "not a valid Redis configuration string")]
    [InlineData("password=secret", "names no Redis endpoint")]
    public void A_bad_redis_connection_string_stops_the_node_with_the_reason(string connection, string reason)
    {
        using var factory = new NodeFactory(new() { ["CheckoutWatch:Redis:ConnectionString"] = connection });
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        Assert.Contains("CheckoutWatch:Redis:ConnectionString", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_ingest_without_redis_stops_the_node_with_the_reason()
    {
        using var factory = new NodeFactory(new() { ["CheckoutWatch:StreamIngest:Enabled"] = "true" });
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        Assert.Contains("CheckoutWatch:StreamIngest:Enabled needs a Redis connection", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_advertised_address_that_is_not_an_ip_stops_the_node_with_the_reason()
    {
        using var factory = new NodeFactory(new() { ["CheckoutWatch:Redis:ConnectionString"] = "127.0.0.1:1", ["CheckoutWatch:Orleans:AdvertisedIPAddress"] = "node-1.example" });
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        Assert.Contains("AdvertisedIPAddress 'node-1.example' is not a concrete IP address", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_redis_connection_string_may_come_from_connection_strings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "redis:6379" }).Build();
        var options = RedisOptions.From(configuration);
        Assert.True(options.IsConfigured);
        Assert.False(options.ToConfigurationOptions().AbortOnConnectFail);
        Assert.False(RedisOptions.From(new ConfigurationBuilder().Build()).IsConfigured);
    }

    [Theory]
    [InlineData(nameof(StreamIngestOptions.ReclaimAfter), "00:00:00.500")]
    [InlineData(nameof(StreamIngestOptions.IdleDelay), "00:00:00")]
    [InlineData(nameof(StreamIngestOptions.MaxBackoff), "00:10:00")]
    [InlineData(nameof(StreamIngestOptions.BatchSize), "0")]
    [InlineData(nameof(StreamIngestOptions.MaxDeliveries), "0")]
    [InlineData(nameof(StreamIngestOptions.StreamKey), "")]
    public void Out_of_range_stream_settings_are_refused_by_name(string setting, string value)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value }).Build().Get<StreamIngestOptions>()!;
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(setting));
    }

    private sealed class NodeFactory(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("CheckoutWatch:Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("CheckoutWatch:Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("CheckoutWatch:Orleans:ClusterId", "settings-" + Guid.NewGuid().ToString("N")[..8]);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
