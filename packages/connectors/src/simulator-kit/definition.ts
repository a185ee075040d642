import type { OpenAccount, SimulatorAccount } from './account';

export interface SimulatorQuota {
  limit: number;
  windowMs: number;
}

/** A started simulator, as the loops over every provider see it. */
export interface StartedSimulator {
  url: string;
  close(): Promise<void>;
}

/**
 * What every provider's simulator exports as `simulator` from its `simulator/index.ts`: how the
 * demo, the tests and the bench start it and open a merchant account in it.
 */
export interface SimulatorDefinition<A extends SimulatorAccount = SimulatorAccount> {
  /** The port the simulators app gives it unless `<PROVIDER>_SIM_PORT` says otherwise. */
  defaultPort: number;
  /** The provider's published request quota per account, where the simulator enforces one. */
  quota?: SimulatorQuota;
  /** `quota` replaces the published one (load tests lift it). */
  start(options: { host: string; port: number; quota?: SimulatorQuota }): Promise<StartedSimulator>;
  /** A fresh merchant account in the running simulator, ready to connect to the hub. */
  openAccount: OpenAccount<A>;
}

/** Declares a provider's simulator, keeping its account type for the provider's own callers. */
export const defineSimulator = <A extends SimulatorAccount>(
  definition: SimulatorDefinition<A>,
): SimulatorDefinition<A> => definition;
