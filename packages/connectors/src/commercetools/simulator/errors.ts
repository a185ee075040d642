import type { Response } from 'express';
import type { z } from 'zod';

/**
 * commercetools' error shape: `{ statusCode, message: <first error's message>, errors: [{ code,
 * message, ...extra }] }` (ErrorResponse), with OAuth's `error` / `error_description` beside it
 * for authentication and authorization refusals (AuthErrorResponse).
 */
export interface ErrorObject {
  code: string;
  message: string;
  [extra: string]: unknown;
}

/** A refusal raised anywhere below a route; the route answers it with `sendApiError`. */
export class CommercetoolsApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors: ErrorObject[],
  ) {
    super(errors[0]?.message ?? 'error');
    this.name = 'CommercetoolsApiError';
  }
}

/** The ErrorResponse body of a refusal. */
export const errorBody = (statusCode: number, errors: ErrorObject[]) => ({
  statusCode,
  message: errors[0]?.message ?? '',
  errors,
});

/** Answers a refusal in commercetools' shape. */
export function sendApiError(res: Response, error: CommercetoolsApiError): void {
  res.status(error.statusCode).json(errorBody(error.statusCode, error.errors));
}

/** Runs `work`; a CommercetoolsApiError it throws becomes the answer, anything else propagates. */
export async function answering(res: Response, work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof CommercetoolsApiError) return sendApiError(res, error);
    throw error;
  }
}

const single = (statusCode: number, error: ErrorObject) =>
  new CommercetoolsApiError(statusCode, [error]);

/** 400 InvalidInput. */
export const invalidInput = (message: string) => single(400, { code: 'InvalidInput', message });

/** 400 InvalidOperation: the resource is not in a state that allows it. */
export const invalidOperation = (message: string) =>
  single(400, { code: 'InvalidOperation', message });

/** An InvalidField error object (a Custom Field value refused). */
export const invalidField = (
  field: string,
  invalidValue: unknown,
  message: string,
  allowedValues?: unknown[],
): ErrorObject => ({
  code: 'InvalidField',
  message,
  field,
  invalidValue,
  ...(allowedValues ? { allowedValues } : {}),
});

/** A RequiredField error object. */
export const requiredField = (field: string): ErrorObject => ({
  code: 'RequiredField',
  message: `A value is required for field ${field}.`,
  field,
});

/** The real message quotes the JSON of the value: `A duplicate value '"k"' exists for field 'key'.` */
export const duplicateField = (field: string, duplicateValue: unknown) =>
  single(400, {
    code: 'DuplicateField',
    message: `A duplicate value '${JSON.stringify(duplicateValue)}' exists for field '${field}'.`,
    field,
    duplicateValue,
  });

/** 404 ResourceNotFound: nothing has this id / key / orderNumber. */
export const resourceNotFound = (what: string, value: string) =>
  single(404, {
    code: 'ResourceNotFound',
    message: `The Resource with ${what} '${value}' was not found.`,
  });

/** 404 for a path the API does not have. */
export const endpointNotFound = (path: string) =>
  single(404, { code: 'ResourceNotFound', message: `The Endpoint '${path}' does not exist.` });

/** 400 ReferencedResourceNotFound: a reference in the request names nothing. */
export const referencedResourceNotFound = (typeId: string, ref: { id?: string; key?: string }) =>
  single(400, {
    code: 'ReferencedResourceNotFound',
    message: `The referenced object of type '${typeId}' ${
      ref.key !== undefined ? `with key '${ref.key}'` : `'${ref.id ?? ''}'`
    } was not found. It either doesn't exist, or it can't be accessed from this endpoint (e.g., if the endpoint filters by store or customer account).`,
    typeId,
    ...ref,
  });

/** 409 ConcurrentModification with the current version. */
export const concurrentModification = (id: string, expected: number, currentVersion: number) =>
  single(409, {
    code: 'ConcurrentModification',
    message: `Object ${id} has a different version than expected. Expected: ${expected} - Actual: ${currentVersion}.`,
    currentVersion,
  });

/** 400 InvalidJsonInput: a body that is not JSON, or not of the expected shape. */
export const invalidJsonInput = (detailedErrorMessage: string) =>
  single(400, {
    code: 'InvalidJsonInput',
    message: 'Request body does not contain valid JSON.',
    detailedErrorMessage,
  });

/** A body that is JSON but not of the draft's shape: commercetools names the path and the problem. */
export function invalidJsonFromIssues(issues: z.core.$ZodIssue[]): CommercetoolsApiError {
  const detail = issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join(' -> ');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  return invalidJsonInput(detail);
}

/** OAuth-style refusal body (AuthErrorResponse): the ErrorResponse plus `error`/`error_description`. */
export function authErrorBody(
  statusCode: number,
  code: string,
  message: string,
  withDescription = true,
) {
  return {
    ...errorBody(statusCode, [{ code, message }]),
    error: code,
    ...(withDescription ? { error_description: message } : {}),
  };
}
