import { z } from 'zod';
import { KeySchema, LocalizedStringSchema } from './draft-schemas';
import type { FieldType } from './records';

/** TypeDraft, FieldDefinition, FieldType and the Type update actions, as the OpenAPI has them. */

const RESOURCE_TYPE_IDS = [
  'address',
  'asset',
  'approval-flow',
  'approval-rule',
  'associate-role',
  'business-unit',
  'cart-discount',
  'category',
  'channel',
  'customer',
  'customer-group',
  'custom-line-item',
  'discount-code',
  'inventory-entry',
  'line-item',
  'order',
  'order-edit',
  'order-delivery',
  'order-parcel',
  'order-return-item',
  'payment',
  'payment-interface-interaction',
  'payment-method',
  'payment-method-info',
  'product-price',
  'product-selection',
  'product-tailoring',
  'quote',
  'reservation',
  'review',
  'recurring-order',
  'shipping',
  'shipping-method',
  'shopping-list',
  'shopping-list-text-line-item',
  'standalone-price',
  'store',
  'transaction',
] as const;

const EnumValueSchema = z.object({ key: z.string().min(1), label: z.string() });
const LocalizedEnumValueSchema = z.object({ key: z.string().min(1), label: LocalizedStringSchema });
/** TypeTextInputHint. */
export const InputHintSchema = z.enum(['SingleLine', 'MultiLine']);

/** FieldType, recursively (Set of …). */
export const FieldTypeSchema: z.ZodType<FieldType> = z.lazy(() =>
  z.discriminatedUnion('name', [
    z.object({
      name: z.enum([
        'Boolean',
        'String',
        'LocalizedString',
        'Number',
        'Money',
        'Date',
        'Time',
        'DateTime',
      ]),
    }),
    z.object({ name: z.literal('Enum'), values: z.array(EnumValueSchema) }),
    z.object({ name: z.literal('LocalizedEnum'), values: z.array(LocalizedEnumValueSchema) }),
    z.object({ name: z.literal('Reference'), referenceTypeId: z.string().min(1) }),
    z.object({ name: z.literal('Set'), elementType: FieldTypeSchema }),
  ]),
);

/** FieldDefinition: name (2–36 characters), label, required, type, inputHint. */
export const FieldDefinitionSchema = z.object({
  type: FieldTypeSchema,
  name: z
    .string()
    .min(2)
    .max(36)
    .regex(/^[A-Za-z0-9_-]+$/),
  label: LocalizedStringSchema,
  required: z.boolean(),
  inputHint: InputHintSchema.optional(),
});

/** TypeDraft. */
export const TypeDraftSchema = z.object({
  key: KeySchema,
  name: LocalizedStringSchema,
  description: LocalizedStringSchema.optional(),
  resourceTypeIds: z.array(z.enum(RESOURCE_TYPE_IDS)).min(1),
  fieldDefinitions: z.array(FieldDefinitionSchema).default([]),
});
/** A parsed TypeDraft. */
export type TypeDraft = z.infer<typeof TypeDraftSchema>;

const action = <A extends string, S extends z.ZodRawShape>(name: A, shape: S) =>
  z.object({ action: z.literal(name), ...shape });

const fieldName = z.string().min(1);

/** The Type update actions the simulator performs. */
export const TypeUpdateActionSchema = z.discriminatedUnion('action', [
  action('addFieldDefinition', { fieldDefinition: FieldDefinitionSchema }),
  action('removeFieldDefinition', { fieldName }),
  action('changeLabel', { fieldName, label: LocalizedStringSchema }),
  action('changeFieldDefinitionLabel', { fieldName, label: LocalizedStringSchema }),
  action('changeName', { name: LocalizedStringSchema }),
  action('setDescription', { description: LocalizedStringSchema.optional() }),
  action('changeKey', { key: KeySchema }),
  action('addEnumValue', { fieldName, value: EnumValueSchema }),
  action('addLocalizedEnumValue', { fieldName, value: LocalizedEnumValueSchema }),
  action('changeEnumValueLabel', { fieldName, value: EnumValueSchema }),
  action('changeLocalizedEnumValueLabel', { fieldName, value: LocalizedEnumValueSchema }),
  action('changeEnumValueOrder', { fieldName, keys: z.array(z.string()) }),
  action('changeLocalizedEnumValueOrder', { fieldName, keys: z.array(z.string()) }),
  action('changeFieldDefinitionOrder', { fieldNames: z.array(z.string()) }),
  action('changeInputHint', { fieldName, inputHint: InputHintSchema }),
]);
/** One parsed Type update action. */
export type TypeUpdateAction = z.infer<typeof TypeUpdateActionSchema>;
