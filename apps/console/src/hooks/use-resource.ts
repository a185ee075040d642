import { useCallback, useEffect, useState } from 'react';
import { asProblem, type ApiProblem } from '../api/problem';

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

interface Result<T> {
  load: Loader<T>;
  version: number;
  data?: T;
  problem?: ApiProblem;
}

export interface Resource<T> {
  /** The last answer for this loader, kept while a reload is under way. */
  data: T | undefined;
  problem: ApiProblem | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Data a screen shows: loaded when `load` changes (give a `useCallback` whose dependencies are
 * what the data depends on; null loads nothing), again on `reload`, and an answer that arrives
 * after the screen moved on is dropped.
 */
export function useResource<T>(load: Loader<T> | null): Resource<T> {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<Result<T>>();

  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ load, version, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ load, version, problem: asProblem(error) });
      },
    );
    return () => controller.abort();
  }, [load, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const same = result !== undefined && result.load === load;
  const current = same && result.version === version;
  return {
    data: same ? result.data : undefined,
    problem: current ? result.problem : undefined,
    loading: load !== null && !current,
    reload,
  };
}
