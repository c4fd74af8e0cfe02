using CheckoutWatch.Server.Cluster;
using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Ingest;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CheckoutWatch.Server.Streams;

/// <summary>
/// When enabled, runs this node's <see cref="StreamConsumer"/> while the node runs: rounds back to back while
/// there is work, a short pause when the stream is empty, and a doubling back-off (up to
/// <see cref="StreamIngestOptions.MaxBackoff"/>) while Redis or the cluster fails — it recovers
/// by itself when they return.
/// </summary>
public sealed class StreamIngestService(
    IConnectionMultiplexer redis,
    IngestPipeline pipeline,
    StreamEntryDecoder decoder,
    IOptions<StreamIngestOptions> options,
    NodeIdentity node,
    TimeProvider clock,
    ILogger<StreamIngestService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var consumer = new StreamConsumer(redis, pipeline, decoder, settings, settings.ConsumerName ?? node.Id, logger);
        logger.LogInformation("Reading stream {Stream} as {Consumer} in group {Group}", settings.StreamKey, consumer.ConsumerName, settings.Group);
        var backoff = FirstBackoff;
        var groupReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!groupReady)
                {
                    await consumer.EnsureGroupAsync();
                    groupReady = true;
                }

                var handled = await consumer.RunRoundAsync();
                backoff = FirstBackoff;
                if (handled == 0)
                {
                    await Task.Delay(settings.IdleDelay, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A restarted Redis without persistence lost the group: create it again.
                if (ex is RedisServerException && ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
                {
                    groupReady = false;
                }

                logger.LogWarning("Stream ingest round failed, retrying in {Backoff}: {Error}", backoff, ex.Message);
                try
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
            }
        }
    }
}
