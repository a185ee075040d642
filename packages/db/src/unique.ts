import { Prisma } from './generated/prisma/client';

/** True when a write hit a unique constraint (the database's half of "exactly one effect"). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
