import { ActionContext } from './action-context';
import {
  addDelivery,
  addParcelToDelivery,
  removeDelivery,
  removeParcelFromDelivery,
  setDeliveryAddress,
  setDeliveryItems,
  setParcelCustomField,
  setParcelCustomType,
  setParcelItems,
  setParcelMeasurements,
  setParcelTrackingData,
} from './delivery-actions';
import { UpdateRequestSchema } from './draft-schemas';
import {
  CommercetoolsApiError,
  concurrentModification,
  invalidInput,
  invalidJsonFromIssues,
  invalidJsonInput,
} from './errors';
import type { ProjectEvents } from './events';
import {
  ORDER_ACTION_NAMES,
  OrderUpdateActionSchema,
  type ActionOf,
  type OrderUpdateAction,
} from './order-action-schemas';
import type { ClientLogging, Order } from './records';
import { addReturnInfo, setReturnPaymentState, setReturnShipmentState } from './return-actions';
import {
  changeOrderState,
  changePaymentState,
  changeShipmentState,
  setCustomType,
  setOrderCustomField,
  updateSyncInfo,
} from './state-actions';
import type { CommercetoolsSimState, ProjectData, RecordedUpdate } from './state';

/** The platform's limit of update actions per request. */
export const MAX_UPDATE_ACTIONS = 500;

/** Who the conflict fault's concurrent change is attributed to. */
export const CONCURRENT_CLIENT_ID = 'sim-concurrent-client';

const HANDLERS: {
  [N in OrderUpdateAction['action']]: (ctx: ActionContext, action: ActionOf<N>) => void;
} = {
  addDelivery,
  addParcelToDelivery,
  setParcelTrackingData,
  setParcelItems,
  setParcelMeasurements,
  removeParcelFromDelivery,
  removeDelivery,
  setDeliveryItems,
  setDeliveryAddress,
  setParcelCustomType,
  setParcelCustomField,
  changeOrderState,
  changeShipmentState,
  changePaymentState,
  addReturnInfo,
  setReturnShipmentState,
  setReturnPaymentState,
  setCustomType,
  setCustomField: setOrderCustomField,
  updateSyncInfo,
};

function parseAction(raw: { action: string }, index: number): OrderUpdateAction {
  if (!ORDER_ACTION_NAMES.has(raw.action)) {
    throw invalidJsonInput(`actions -> ${index} -> action: Unknown update action '${raw.action}'.`);
  }
  const parsed = OrderUpdateActionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidJsonFromIssues(
    parsed.error.issues.map((issue) => ({ ...issue, path: ['actions', index, ...issue.path] })),
  );
}

/** The identifiers messages about an order carry. */
export const orderIdentifiers = (order: Order): Record<string, string> =>
  order.orderNumber !== undefined ? { orderNumber: order.orderNumber } : {};

/**
 * Order updates, atomic and versioned: the actions run on a copy that replaces the order only if
 * all succeed; then the version moves by one, `lastModifiedAt` is now and each effective
 * action's message is emitted with the new `resourceVersion`. A request that changes nothing
 * leaves the version alone. Every request is recorded for the control API.
 */
export class OrderUpdates {
  constructor(
    private readonly state: CommercetoolsSimState,
    private readonly events: ProjectEvents,
  ) {}

  /** `POST /orders/{id}` with `{ version, actions }` by an API client. */
  update(project: ProjectData, order: Order, body: unknown, clientId: string): Order {
    const by: ClientLogging = { clientId, isPlatformClient: false };
    const raw = body as { version?: unknown; actions?: unknown } | undefined;
    const record = (update: Omit<RecordedUpdate, 'at' | 'via' | 'client' | 'clientId'>) =>
      project.recordUpdate(order.id, {
        at: this.state.isoNow(),
        via: 'api',
        client: clientId,
        clientId,
        ...update,
      });
    try {
      const parsed = UpdateRequestSchema.safeParse(body);
      if (!parsed.success) throw invalidJsonFromIssues(parsed.error.issues);
      const { version, actions } = parsed.data;
      if (actions.length > MAX_UPDATE_ACTIONS) {
        throw invalidInput(
          `Too many update actions: at most ${MAX_UPDATE_ACTIONS} are allowed per request.`,
        );
      }
      const current = this.takeConflict(project, order);
      if (version !== current.version)
        throw concurrentModification(current.id, version, current.version);
      const updated = this.apply(project, current, actions.map(parseAction), by);
      record({
        expectedVersion: version,
        actions,
        status: 200,
        resultingVersion: updated.version,
      });
      return updated;
    } catch (error) {
      if (error instanceof CommercetoolsApiError) {
        record({
          ...(typeof raw?.version === 'number' ? { expectedVersion: raw.version } : {}),
          actions: Array.isArray(raw?.actions) ? raw.actions : [],
          status: error.statusCode,
          resultingVersion: project.orders.get(order.id)?.version ?? order.version,
          errors: error.errors,
        });
      }
      throw error;
    }
  }

  /** The merchant's back office (control API): actions at whatever version the order has. */
  applyAsBackOffice(project: ProjectData, order: Order, rawActions: unknown[]): Order {
    const by: ClientLogging = { clientId: 'merchant-center', isPlatformClient: true };
    const actions = rawActions.map((raw, index) => {
      if (
        raw === null ||
        typeof raw !== 'object' ||
        typeof (raw as { action?: unknown }).action !== 'string'
      ) {
        throw invalidJsonInput(`actions -> ${index} -> action: Missing required value`);
      }
      return parseAction(raw as { action: string }, index);
    });
    const updated = this.apply(project, order, actions, by);
    project.recordUpdate(order.id, {
      at: this.state.isoNow(),
      via: 'control',
      client: 'back-office',
      actions: rawActions,
      status: 200,
      resultingVersion: updated.version,
    });
    return updated;
  }

  private apply(
    project: ProjectData,
    order: Order,
    actions: OrderUpdateAction[],
    by: ClientLogging,
  ): Order {
    const now = this.state.isoNow();
    const ctx = new ActionContext(project, structuredClone(order), now);
    for (const action of actions) {
      const handler = HANDLERS[action.action] as (
        ctx: ActionContext,
        action: OrderUpdateAction,
      ) => void;
      handler(ctx, action);
    }
    if (!ctx.changed) return order;
    const updated = ctx.order;
    updated.version = order.version + 1;
    updated.lastModifiedAt = now;
    updated.lastModifiedBy = by;
    project.orders.set(updated.id, updated);
    const resource = { typeId: 'order', id: updated.id };
    this.events.emit(
      project,
      { resource, resourceVersion: updated.version, identifiers: orderIdentifiers(updated), by },
      ctx.messages,
    );
    this.events.changed(project, {
      notificationType: 'ResourceUpdated',
      resource,
      resourceUserProvidedIdentifiers: orderIdentifiers(updated),
      version: updated.version,
      oldVersion: order.version,
      modifiedAt: now,
    });
    return updated;
  }

  /**
   * The conflict fault: another client changed the order just before this request was checked
   * (its version and `lastModifiedBy` move; it emits no message), so the request meets a real 409.
   */
  private takeConflict(project: ProjectData, order: Order): Order {
    const left = project.conflicts.get(order.id) ?? 0;
    if (left <= 0) return order;
    if (left === 1) project.conflicts.delete(order.id);
    else project.conflicts.set(order.id, left - 1);
    const now = this.state.isoNow();
    const changed: Order = {
      ...structuredClone(order),
      version: order.version + 1,
      lastModifiedAt: now,
      lastModifiedBy: { clientId: CONCURRENT_CLIENT_ID, isPlatformClient: false },
    };
    project.orders.set(order.id, changed);
    project.recordUpdate(order.id, {
      at: now,
      via: 'concurrent',
      client: CONCURRENT_CLIENT_ID,
      clientId: CONCURRENT_CLIENT_ID,
      actions: [],
      status: 200,
      resultingVersion: changed.version,
    });
    this.events.changed(project, {
      notificationType: 'ResourceUpdated',
      resource: { typeId: 'order', id: order.id },
      resourceUserProvidedIdentifiers: orderIdentifiers(changed),
      version: changed.version,
      oldVersion: order.version,
      modifiedAt: now,
    });
    return changed;
  }
}
