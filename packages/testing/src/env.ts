/**
 * Sets environment variables for the apps a test starts in its own process, and returns what
 * puts the previous values back (unset ones unset again), for its `afterAll`.
 */
export function overrideEnv(values: Record<string, string>): () => void {
  const saved = Object.keys(values).map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
