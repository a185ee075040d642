/** Something that sets gauges from an outside source (queue counts, the inbox) just before a scrape. */
export type Sampler = () => Promise<void>;

const samplers = new Set<Sampler>();
/** A slow source must not hold a scrape; its gauges keep their last values instead. */
const SAMPLE_TIMEOUT_MS = 3_000;

export function registerSampler(sampler: Sampler): () => void {
  samplers.add(sampler);
  return () => samplers.delete(sampler);
}

/** Runs every sampler; failures and timeouts are reported, never thrown into the scrape. */
export async function sampleAll(onError: (error: unknown) => void): Promise<void> {
  await Promise.all(
    [...samplers].map(async (sampler) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error('sampler timed out')), SAMPLE_TIMEOUT_MS);
      });
      try {
        await Promise.race([sampler(), timeout]);
      } catch (error) {
        onError(error);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
