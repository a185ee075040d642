import { CommercetoolsApiError, duplicateField, invalidOperation } from './errors';
import type { FieldDefinition, FieldType, TypeRecord } from './records';
import type { ProjectData } from './state';
import type { TypeUpdateAction } from './type-schemas';

/** The Type update actions, applied to a copy of the Type (see `versionedUpdate`). */

function field(type: TypeRecord, name: string): FieldDefinition {
  const found = type.fieldDefinitions.find((definition) => definition.name === name);
  if (!found) throw invalidOperation(`The type has no field definition named '${name}'.`);
  return found;
}

/** The enum type of a field (itself, or the element type of a Set of it). */
function enumOf(
  definition: FieldDefinition,
  kind: 'Enum' | 'LocalizedEnum',
): Extract<FieldType, { name: typeof kind }> {
  const type = definition.type.name === 'Set' ? definition.type.elementType : definition.type;
  if (type.name !== kind) {
    throw invalidOperation(`The field definition '${definition.name}' is not of type ${kind}.`);
  }
  return type as Extract<FieldType, { name: typeof kind }>;
}

const enumKeyError = (
  code: 'EnumKeyAlreadyExists' | 'EnumKeyDoesNotExist',
  key: string,
  name: string,
) =>
  new CommercetoolsApiError(400, [
    {
      code,
      message:
        code === 'EnumKeyAlreadyExists'
          ? `The enum key '${key}' already exists in the field definition '${name}'.`
          : `The enum key '${key}' does not exist in the field definition '${name}'.`,
      conflictingEnumKey: key,
      conflictingAttributeName: name,
    },
  ]);

function reorder<T>(items: T[], keyOf: (item: T) => string, keys: string[], what: string): T[] {
  const sorted = keys.map((key) => items.find((item) => keyOf(item) === key));
  if (keys.length !== items.length || sorted.some((item) => item === undefined)) {
    throw invalidOperation(`The new order must name every ${what} exactly once.`);
  }
  return sorted as T[];
}

/** Applies one Type update action to `type` in place. */
export function applyTypeAction(
  project: ProjectData,
  type: TypeRecord,
  action: TypeUpdateAction,
): void {
  switch (action.action) {
    case 'addFieldDefinition': {
      const { fieldDefinition } = action;
      if (type.fieldDefinitions.some((definition) => definition.name === fieldDefinition.name)) {
        throw duplicateField('name', fieldDefinition.name);
      }
      type.fieldDefinitions.push(fieldDefinition);
      return;
    }
    case 'removeFieldDefinition':
      field(type, action.fieldName);
      type.fieldDefinitions = type.fieldDefinitions.filter(
        (definition) => definition.name !== action.fieldName,
      );
      return;
    case 'changeLabel':
    case 'changeFieldDefinitionLabel':
      field(type, action.fieldName).label = action.label;
      return;
    case 'changeName':
      type.name = action.name;
      return;
    case 'setDescription':
      if (action.description) type.description = action.description;
      else delete type.description;
      return;
    case 'changeKey': {
      const other = project.typeByKey(action.key);
      if (other && other.id !== type.id) throw duplicateField('key', action.key);
      type.key = action.key;
      return;
    }
    case 'addEnumValue':
    case 'addLocalizedEnumValue': {
      const kind = action.action === 'addEnumValue' ? 'Enum' : 'LocalizedEnum';
      const target = enumOf(field(type, action.fieldName), kind);
      if (target.values.some((value) => value.key === action.value.key)) {
        throw enumKeyError('EnumKeyAlreadyExists', action.value.key, action.fieldName);
      }
      (target.values as { key: string; label: unknown }[]).push(action.value);
      return;
    }
    case 'changeEnumValueLabel':
    case 'changeLocalizedEnumValueLabel': {
      const kind = action.action === 'changeEnumValueLabel' ? 'Enum' : 'LocalizedEnum';
      const target = enumOf(field(type, action.fieldName), kind);
      const value = (target.values as { key: string; label: unknown }[]).find(
        (candidate) => candidate.key === action.value.key,
      );
      if (!value) throw enumKeyError('EnumKeyDoesNotExist', action.value.key, action.fieldName);
      value.label = action.value.label;
      return;
    }
    case 'changeEnumValueOrder':
    case 'changeLocalizedEnumValueOrder': {
      const kind = action.action === 'changeEnumValueOrder' ? 'Enum' : 'LocalizedEnum';
      const target = enumOf(field(type, action.fieldName), kind);
      const values = target.values as { key: string; label: unknown }[];
      const sorted = reorder(values, (value) => value.key, action.keys, 'enum value');
      values.splice(0, values.length, ...sorted);
      return;
    }
    case 'changeFieldDefinitionOrder':
      type.fieldDefinitions = reorder(
        type.fieldDefinitions,
        (definition) => definition.name,
        action.fieldNames,
        'field definition',
      );
      return;
    case 'changeInputHint':
      field(type, action.fieldName).inputHint = action.inputHint;
      return;
  }
}
