/**
 * The standard OpenTelemetry variables, read once when tracing starts (before the app's own
 * environment is parsed, since instrumentation has to come first). The OTLP exporter reads its
 * endpoint, headers and protocol from the same variables itself.
 */
export interface TracingEnv {
  disabled: boolean;
  serviceName?: string;
  version: string;
  /** OTLP endpoint configured: spans leave the process. */
  otlp: boolean;
  /** Head sampling ratio for new traces (1 keeps all). */
  sampleRatio: number;
}

export function tracingEnv(env: NodeJS.ProcessEnv = process.env): TracingEnv {
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? '1');
  return {
    disabled: env.OTEL_SDK_DISABLED === 'true',
    ...(env.OTEL_SERVICE_NAME ? { serviceName: env.OTEL_SERVICE_NAME } : {}),
    version: env.SHIPLINK_VERSION ?? 'dev',
    otlp: Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
    sampleRatio: Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : 1,
  };
}
