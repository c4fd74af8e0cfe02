using CheckoutWatch.Grains.Notifications;
using CheckoutWatch.OnCall.Configuration;
using CheckoutWatch.OnCall.Notifications;
using CheckoutWatch.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Hosting;

internal static class OnCallServiceExtensions
{
    public const string NotificationClientName = "notifications";

    /// <summary>Escalation options (validated at start), the retry schedule and the HTTP sender the notifier grains use.</summary>
    public static IServiceCollection AddOnCall(this IServiceCollection services)
    {
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        services.AddSingleton(sp => new RetrySchedule(sp.GetRequiredService<IOptions<EscalationOptions>>().Value.Delivery, new Random()));
        services.AddHttpClient(NotificationClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<INotificationSender>(sp => new HttpNotificationSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(NotificationClientName),
            sp.GetRequiredService<IOptions<EscalationOptions>>()));
        return services;
    }
}
