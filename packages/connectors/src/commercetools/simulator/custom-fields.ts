import {
  CommercetoolsApiError,
  invalidField,
  invalidOperation,
  referencedResourceNotFound,
  requiredField,
  type ErrorObject,
} from './errors';
import type { CustomFieldsDraft, ResourceIdentifier } from './draft-schemas';
import { money } from './money';
import type { CustomFields, FieldDefinition, FieldType, TypeRecord } from './records';
import type { ProjectData } from './state';

/**
 * Custom Fields checked against their Type as the platform does: the Type must exist and be
 * meant for the resource (`resourceTypeIds`), every field must be one of its `fieldDefinitions`
 * with a value of the field's type, and required fields must be set.
 */

/** The Type a ResourceIdentifier names, or 400 ReferencedResourceNotFound. */
export function resolveType(project: ProjectData, ref: ResourceIdentifier): TypeRecord {
  const type = ref.id !== undefined ? project.types.get(ref.id) : project.typeByKey(ref.key ?? '');
  if (!type) throw new CommercetoolsApiError(400, referencedResourceNotFound('type', ref).errors);
  return type;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value as stored, or undefined when it is not of the field's type. */
function normalize(type: FieldType, value: unknown): { ok: true; value: unknown } | { ok: false } {
  const ok = (stored: unknown) => ({ ok: true as const, value: stored });
  switch (type.name) {
    case 'String':
      return typeof value === 'string' ? ok(value) : { ok: false };
    case 'Number':
      return typeof value === 'number' && Number.isFinite(value) ? ok(value) : { ok: false };
    case 'Boolean':
      return typeof value === 'boolean' ? ok(value) : { ok: false };
    case 'LocalizedString':
      return isRecord(value) && Object.values(value).every((text) => typeof text === 'string')
        ? ok(value)
        : { ok: false };
    case 'Enum':
    case 'LocalizedEnum':
      return typeof value === 'string' && type.values.some((entry) => entry.key === value)
        ? ok(value)
        : { ok: false };
    case 'Date':
      return typeof value === 'string' && DATE.test(value) ? ok(value) : { ok: false };
    case 'Time':
      return typeof value === 'string' && TIME.test(value) ? ok(value) : { ok: false };
    case 'DateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
        ? ok(new Date(value).toISOString())
        : { ok: false };
    case 'Money':
      return isRecord(value) &&
        typeof value.currencyCode === 'string' &&
        typeof value.centAmount === 'number' &&
        Number.isInteger(value.centAmount)
        ? ok(money(value.centAmount, value.currencyCode))
        : { ok: false };
    case 'Reference':
      return isRecord(value) &&
        typeof value.id === 'string' &&
        value.typeId === type.referenceTypeId
        ? ok({ typeId: value.typeId, id: value.id })
        : { ok: false };
    case 'Set': {
      if (!Array.isArray(value)) return { ok: false };
      const stored: unknown[] = [];
      for (const element of value) {
        const one = normalize(type.elementType, element);
        if (!one.ok) return { ok: false };
        stored.push(one.value);
      }
      return ok(stored);
    }
  }
}

const allowedValues = (type: FieldType): unknown[] | undefined =>
  type.name === 'Enum' || type.name === 'LocalizedEnum'
    ? type.values.map((entry) => entry.key)
    : type.name === 'Set'
      ? allowedValues(type.elementType)
      : undefined;

/** The stored value of `name` = `value` on `type`, or the error that refuses it. */
function checkField(
  type: TypeRecord,
  name: string,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; error: ErrorObject } {
  const definition = type.fieldDefinitions.find((field) => field.name === name);
  if (!definition) {
    return {
      ok: false,
      error: invalidField(
        name,
        value,
        `The field '${name}' is not defined on the type '${type.key}'.`,
      ),
    };
  }
  const stored = normalize(definition.type, value);
  if (stored.ok) return stored;
  return {
    ok: false,
    error: invalidField(
      name,
      value,
      `The value '${JSON.stringify(value)}' is not valid for field '${name}'.`,
      allowedValues(definition.type),
    ),
  };
}

function requireResourceType(type: TypeRecord, resourceTypeId: string): void {
  if (!type.resourceTypeIds.includes(resourceTypeId)) {
    throw invalidOperation(
      `The type with key '${type.key}' does not have the resource type '${resourceTypeId}'.`,
    );
  }
}

const missingRequired = (definitions: FieldDefinition[], fields: Record<string, unknown>) =>
  definitions
    .filter((definition) => definition.required && fields[definition.name] === undefined)
    .map((definition) => requiredField(definition.name));

/** CustomFields from a draft (setCustomType, `custom` of a draft), checked against the Type. */
export function customFieldsFrom(
  project: ProjectData,
  draft: CustomFieldsDraft,
  resourceTypeId: string,
): CustomFields {
  const type = resolveType(project, draft.type);
  requireResourceType(type, resourceTypeId);
  const fields: Record<string, unknown> = {};
  const errors: ErrorObject[] = [];
  for (const [name, value] of Object.entries(draft.fields ?? {})) {
    if (value === null || value === undefined) continue;
    const checked = checkField(type, name, value);
    if (checked.ok) fields[name] = checked.value;
    else errors.push(checked.error);
  }
  errors.push(...missingRequired(type.fieldDefinitions, fields));
  if (errors.length > 0) throw new CommercetoolsApiError(400, errors);
  return { type: { typeId: 'type', id: type.id }, fields };
}

/** What `setCustomField` did to one field, for the message it produces. */
export type FieldChange =
  | { kind: 'added'; value: unknown }
  | { kind: 'changed'; value: unknown; previousValue: unknown }
  | { kind: 'removed' }
  | { kind: 'none' };

/**
 * Sets (or, with `value` undefined, removes) one field of existing Custom Fields in place; what
 * changed, for the message. Without a Type set first it is 400 InvalidOperation.
 */
export function setCustomField(
  project: ProjectData,
  custom: CustomFields | undefined,
  name: string,
  value: unknown,
): FieldChange {
  if (!custom) {
    throw invalidOperation(
      'This resource has no custom type set - please use setCustomType first to set the type and then set the custom fields.',
    );
  }
  const type = project.types.get(custom.type.id);
  if (!type)
    throw new CommercetoolsApiError(400, referencedResourceNotFound('type', custom.type).errors);
  const previous = custom.fields[name];
  if (value === undefined || value === null) {
    if (type.fieldDefinitions.some((field) => field.name === name && field.required)) {
      throw new CommercetoolsApiError(400, [requiredField(name)]);
    }
    if (previous === undefined) return { kind: 'none' };
    delete custom.fields[name];
    return { kind: 'removed' };
  }
  const checked = checkField(type, name, value);
  if (!checked.ok) throw new CommercetoolsApiError(400, [checked.error]);
  custom.fields[name] = checked.value;
  if (previous === undefined) return { kind: 'added', value: checked.value };
  if (JSON.stringify(previous) === JSON.stringify(checked.value)) return { kind: 'none' };
  return { kind: 'changed', value: checked.value, previousValue: previous };
}

/** Whether any of the project's resources uses the Type (it may not be deleted then). */
export function typeInUse(project: ProjectData, typeId: string): boolean {
  const uses = (custom: CustomFields | undefined) => custom?.type.id === typeId;
  for (const order of project.orders.values()) {
    if (uses(order.custom)) return true;
    const deliveries = [
      ...(order.shippingInfo?.deliveries ?? []),
      ...order.shipping.flatMap((entry) => entry.shippingInfo.deliveries),
    ];
    for (const delivery of deliveries) {
      if (uses(delivery.custom) || delivery.parcels.some((parcel) => uses(parcel.custom)))
        return true;
    }
  }
  return false;
}
