using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Grains.Audit;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Board;
using CheckoutWatch.Grains.Outreach;
using CheckoutWatch.Grains.Merchants;
using CheckoutWatch.Grains.Notifications;
using CheckoutWatch.OnCall.Configuration;
using CheckoutWatch.OnCall.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CheckoutWatch.Grains.Tests.Infrastructure;

/// <summary>
/// One in-process silo shared by the grain tests. Grain timers run on a fake clock that the
/// tests advance; Orleans' own background loops stay on real time.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private InProcessTestCluster _cluster = null!;

    public ClusterFixture()
        : this(Start)
    {
    }

    private ClusterFixture(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    /// <summary>A cluster of its own whose fake clock starts at <paramref name="start"/> (e.g. a replayed log's first second).</summary>
    public static ClusterFixture StartingAt(DateTimeOffset start) => new(start);

    public FakeTimeProvider Clock { get; }

    public RecordingBoardNotifier Board { get; } = new();

    public RecordingOutreachNotifier Outreach { get; } = new();

    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The audit log as the silo writes it (day grains on the fake clock's date).</summary>
    public IAuditLog Audit => new AuditLog(_cluster.Client, Clock);

    /// <summary>Receives the on-call notifications: targets primary, secondary (webhooks) and pagerduty.</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>
    /// Critical alerts: primary and pagerduty at once, secondary after 10 minutes; major: primary.
    /// Acknowledgements go stale after 30 minutes; retries start at 5 s, at most 4 attempts.
    /// </summary>
    public EscalationOptions Escalation { get; } = new()
    {
        AcknowledgementStaleAfter = TimeSpan.FromMinutes(30),
        Delivery = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(60), MaxAttempts = 4 },
        Policies =
        {
            new() { Severity = "critical", Levels = { new() { Targets = { "primary", "pagerduty" } }, new() { After = TimeSpan.FromMinutes(10), Targets = { "secondary" } } } },
            new() { Severity = "major", Levels = { new() { Targets = { "primary" } } } },
        },
    };

    /// <summary>The silo's services (its grain storage serializer, for instance).</summary>
    public IServiceProvider SiloServices => _cluster.Silos[0].ServiceProvider;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync(Clock);
        foreach (var name in new[] { "primary", "secondary" })
        {
            Escalation.Targets[name] = new NotificationTargetOptions { Type = "webhook", Url = new Uri(Receiver.BaseAddress, name), Secret = WebhookReceiver.Secret };
        }

        Escalation.Targets["pagerduty"] = new NotificationTargetOptions { Type = "pagerduty", Url = new Uri(Receiver.BaseAddress, "pagerduty"), RoutingKey = "test-routing-key" };
        Assert.Empty(EscalationOptionsRules.Check(Escalation));

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage("alerts");
            silo.AddMemoryGrainStorage(OutreachGrain.StorageName);
            silo.AddMemoryGrainStorage(AuditLogGrain.StorageName);
            silo.Services.AddSingleton<IOutreachNotifier>(Outreach);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton(SessionTimeouts.Default);
            silo.Services.AddSingleton<IBoardNotifier>(Board);
            silo.Services.AddSingleton<IAuditLog, AuditLog>();
            silo.Services.AddSingleton(KnowledgeBase.LoadDefault());
            silo.Services.AddSingleton(DetectionOptions.Default);
            silo.Services.AddSingleton(new EventDedupSettings(true, TimeSpan.FromMinutes(2), 2_000_000));
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Escalation));
            silo.Services.AddSingleton(new RetrySchedule(Escalation.Delivery, new Random(42)));
            silo.Services.AddSingleton<INotificationSender>(sp => new HttpNotificationSender(new HttpClient(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EscalationOptions>>()));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Advances the fake clock one second at a time so every timer sees each tick.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(1);
        for (var passed = TimeSpan.Zero; passed < by; passed += step)
        {
            Clock.Advance(by - passed < step ? by - passed : step);
            // Let the timer callbacks that became due run on the silo's scheduler.
            await Task.Yield();
            await Task.Delay(1);
        }
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
