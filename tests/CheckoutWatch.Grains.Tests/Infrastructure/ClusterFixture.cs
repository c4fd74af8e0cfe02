using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Board;
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

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingBoardNotifier Board { get; } = new();

    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The silo's services (its grain storage serializer, for instance).</summary>
    public IServiceProvider SiloServices => _cluster.Silos[0].ServiceProvider;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage("alerts");
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton(SessionTimeouts.Default);
            silo.Services.AddSingleton<IBoardNotifier>(Board);
            silo.Services.AddSingleton(KnowledgeBase.LoadDefault());
            silo.Services.AddSingleton(DetectionOptions.Default);
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
    }
}
