import type { Db } from '../client';

/**
 * The newest message per store resource the hub has acted on (commercetools numbers each
 * resource's messages). Work that reads the resource's current state covers every older message,
 * so one arriving after a newer one was handled is superseded, not worked again.
 */
export class SequencesRepo {
  constructor(private readonly db: Db) {}

  /** Whether a message numbered `sequence` of the resource is older than one acted on already. */
  async superseded(connectionId: string, resourceRef: string, sequence: number): Promise<boolean> {
    const row = await this.db.resourceSequence.findUnique({
      where: { connectionId_resourceRef: { connectionId, resourceRef } },
      select: { sequence: true },
    });
    return row !== null && row.sequence >= BigInt(sequence);
  }

  /** Records that the resource's state up to `sequence` was acted on; never moves backwards. */
  async acted(connectionId: string, resourceRef: string, sequence: number): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO resource_sequences (connection_id, resource_ref, sequence, updated_at)
      VALUES (${connectionId}::uuid, ${resourceRef}, ${BigInt(sequence)}, now())
      ON CONFLICT (connection_id, resource_ref)
      DO UPDATE SET sequence = GREATEST(resource_sequences.sequence, EXCLUDED.sequence),
                    updated_at = now()`;
  }
}
