using CheckoutWatch.Grains.Board;
using CheckoutWatch.Grains.Outreach;

namespace CheckoutWatch.Server.Outreach;

public static class OutreachServiceExtensions
{
    /// <summary>The outreach queue's options, views and board pushes.</summary>
    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
        services.AddOptions<OutreachOptions>().BindConfiguration(OutreachOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutreachViews>();
        services.AddSingleton<OutreachAccess>();
        services.AddSingleton<SignalROutreachNotifier>();
        services.AddSingleton<IOutreachNotifier>(sp => sp.GetRequiredService<SignalROutreachNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<SignalROutreachNotifier>());
        return services;
    }
}
