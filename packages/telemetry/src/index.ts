export { metrics, registry } from './metrics';
export {
  startOpsServer,
  type OpsServer,
  type OpsServerOptions,
  type Readiness,
} from './ops-server';
export { registerSampler, type Sampler } from './samplers';
export {
  activeTraceId,
  startTracing,
  stopTracing,
  type Tracing,
  type TracingOptions,
} from './tracing';
