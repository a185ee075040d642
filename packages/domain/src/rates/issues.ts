import { type z } from 'zod';

/** One problem with an input, where it is as written: `zones[0].services[1].pricing.EUR`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );

/** Zod's issues as a person reads them; a bad record key says what is wrong with the key. */
export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: pathText(issue.path),
    message:
      issue.code === 'invalid_key'
        ? `${String(issue.path.at(-1))}: ${issue.issues.map((inner) => inner.message).join('; ')}`
        : issue.message,
  }));
}
