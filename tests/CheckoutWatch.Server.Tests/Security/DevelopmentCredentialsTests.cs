using System.Net;
using CheckoutWatch.Server.Security;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CheckoutWatch.Server.Tests.Security;

public sealed class DevelopmentCredentialsTests
{
    private const string DevKey = "cw-dev-ingest-key-not-for-production";

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Development_key_is_fine_on_loopback(string address) =>
        Assert.Null(DevelopmentCredentials.Violation([address], [DevKey]));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://10.1.2.3:8080")]
    public void Development_key_beyond_loopback_is_refused_with_the_reason(string address)
    {
        var reason = DevelopmentCredentials.Violation(["http://127.0.0.1:1", address], [null, DevKey]);
        Assert.NotNull(reason);
        Assert.Contains("Refusing to start", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DevKey, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_board_passwords_beyond_loopback_are_refused_and_fine_on_loopback()
    {
        var reason = DevelopmentCredentials.Violation(["http://0.0.0.0:8080"], ["a-real-key-from-a-secret-store"], ["dev-admin"]);
        Assert.NotNull(reason);
        Assert.Contains("plain-text passwords (dev-admin)", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DevelopmentCredentials.PasswordFor("admin"), reason, StringComparison.Ordinal);
        Assert.Null(DevelopmentCredentials.Violation(["http://127.0.0.1:5080"], [DevKey], ["dev-admin"]));
        Assert.Null(DevelopmentCredentials.Violation(["http://0.0.0.0:8080"], ["a-real-key-from-a-secret-store"], []));
    }

    [Fact]
    public void Own_keys_beyond_loopback_are_fine() =>
        Assert.Null(DevelopmentCredentials.Violation(["http://0.0.0.0:8080"], ["a-real-key-from-a-secret-store", null]));

    [Fact]
    public void Node_listening_on_all_interfaces_with_the_development_key_refuses_to_start()
    {
        using var factory = new ExposedFactory();
        factory.UseKestrel(o => o.Listen(IPAddress.Any, 0));
        var error = Assert.ThrowsAny<Exception>(factory.StartServer);
        Assert.Contains("Refusing to start", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class ExposedFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("CheckoutWatch:Ingest:Keys:0:Name", "development");
            builder.UseSetting("CheckoutWatch:Ingest:Keys:0:Key", DevKey);
            builder.UseSetting("CheckoutWatch:Ingest:Keys:0:Merchants:0", "*");
            builder.UseSetting("CheckoutWatch:Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("CheckoutWatch:Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("CheckoutWatch:Orleans:ClusterId", "exposed-" + Guid.NewGuid().ToString("N")[..8]);
        }
    }
}
