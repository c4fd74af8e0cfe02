using CheckoutWatch.Grains.Tests.Infrastructure;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// A node whose escalation notifies a real webhook receiver on 127.0.0.1 (target <c>primary</c>,
/// signed; the default policies page it at once for major and critical alerts).
/// </summary>
public sealed class OnCallServerFixture : ServerFixture
{
    // Filled in InitializeAsync, before the node starts: the receiver's port is known only then.
    private readonly Dictionary<string, string?> _settings = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => _settings;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        _settings["CheckoutWatch:Escalation:Targets:primary:Type"] = "webhook";
        _settings["CheckoutWatch:Escalation:Targets:primary:Url"] = new Uri(Receiver.BaseAddress, "primary").ToString();
        _settings["CheckoutWatch:Escalation:Targets:primary:Secret"] = WebhookReceiver.Secret;
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
