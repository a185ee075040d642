import { z } from 'zod';
import { defineJob, readyJob } from './define';

const sample = defineJob({
  queue: 'orders',
  name: 'sample',
  schema: z.object({ ref: z.string().min(1), count: z.coerce.number().int() }),
  jobId: (p) => `sample.${p.ref}.${p.count}`,
});

describe('readyJob', () => {
  it('reads the payload with its schema once and names the job by it', () => {
    expect(readyJob(sample, { ref: 'a', count: '3', extra: true })).toEqual({
      ok: true,
      job: { definition: sample, payload: { ref: 'a', count: 3 }, id: 'sample.a.3' },
    });
  });

  it("answers a payload the schema refuses with the schema's issues", () => {
    const ready = readyJob(sample, { ref: '', count: 1 });
    expect(ready.ok).toBe(false);
    expect(!ready.ok && ready.error.issues.map((issue) => issue.path)).toEqual([['ref']]);
  });
});
