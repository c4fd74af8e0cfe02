using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace CheckoutWatch.Server.Telemetry;

/// <summary>Section <c>CheckoutWatch:Telemetry</c>: where metrics and traces go, and who may read them.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "CheckoutWatch:Telemetry";

    /// <summary>
    /// An OTLP collector for metrics, traces and logs. Unset, the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with its <c>OTEL_EXPORTER_OTLP_*</c> companions) is used;
    /// with neither, nothing is exported over OTLP and traces are not recorded at all.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The protocol spoken to <see cref="OtlpEndpoint"/>: <c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Share of root traces kept when exporting (a caller's sampling decision is followed).</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 0.1;

    /// <summary>
    /// A port that serves only <c>/metrics</c> and <c>/health/*</c>; the node must also listen on
    /// it (add it to <c>ASPNETCORE_URLS</c>). Set, <c>/metrics</c> is not answered on any other
    /// port. Unset, <c>/metrics</c> is served wherever the node listens.
    /// </summary>
    [Range(1, 65535)]
    public int? MetricsPort { get; set; }

    /// <summary>
    /// The Orleans Dashboard at <c>/dashboard</c> for administrators. Off unless configured (on in
    /// Development): it profiles every grain call, which cost several times the ingest throughput
    /// in docs/performance.md ("Orleans Dashboard").
    /// </summary>
    public bool Dashboard { get; set; }
}
