import type { EmittedMessage } from './events';
import type { Order } from './records';
import type { ProjectData } from './state';

/**
 * What one update action works on: a copy of the order that is kept only if every action of the
 * request succeeds (updates are atomic), and the messages the effective actions produce.
 */
export class ActionContext {
  readonly messages: EmittedMessage[] = [];
  private effective = false;

  constructor(
    readonly project: ProjectData,
    readonly order: Order,
    /** The request's time, as the API prints dates. */
    readonly now: string,
  ) {}

  /** Records an effective change that produces a message. */
  emit(type: string, payload: Record<string, unknown>): void {
    this.messages.push({ type, payload });
    this.effective = true;
  }

  /** Records an effective change that has no message of its own. */
  touch(): void {
    this.effective = true;
  }

  /** Whether anything changed (the version moves only then). */
  get changed(): boolean {
    return this.effective;
  }
}

/** The `shippingKey` field messages carry for Multiple shipping mode orders only. */
export const withShippingKey = (shippingKey: string | undefined): Record<string, string> =>
  shippingKey === undefined ? {} : { shippingKey };
