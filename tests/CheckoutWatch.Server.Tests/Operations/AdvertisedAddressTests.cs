using CheckoutWatch.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Tests.Operations;

public sealed class AdvertisedAddressTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("fd00::17")]
    public void A_concrete_address_is_accepted_in_cluster_mode(string address) =>
        Assert.True(Validate(address, redis: "127.0.0.1:6379").Succeeded);

    [Theory]
    [InlineData("pod-ip")]
    [InlineData("10.1.2")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void Anything_but_a_concrete_address_is_refused_with_the_setting_named(string address)
    {
        var result = Validate(address, redis: "127.0.0.1:6379");
        Assert.True(result.Failed);
        Assert.Contains("CheckoutWatch:Orleans:AdvertisedIPAddress", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_advertised_address_without_cluster_mode_is_refused()
    {
        var result = Validate("10.1.2.3", redis: null);
        Assert.True(result.Failed);
        Assert.Contains("CheckoutWatch:Redis:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_advertised_address_is_fine_either_way() => Assert.True(Validate(null, redis: null).Succeeded);

    private static ValidateOptionsResult Validate(string? address, string? redis)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [OrleansHostOptionsValidator.RedisConnectionStringKey] = redis })
            .Build();
        return new OrleansHostOptionsValidator(configuration).Validate(null, new OrleansHostOptions { AdvertisedIPAddress = address });
    }
}
