import { useCallback, useState } from 'react';
import { asProblem, type ApiProblem } from '../api/problem';

export interface Action {
  busy: boolean;
  problem: ApiProblem | undefined;
  /** Runs the work; its problem is kept to show, and the answer is undefined then. */
  run: <R>(work: () => Promise<R>) => Promise<R | undefined>;
  clear: () => void;
}

/** One button's request: busy while it runs, and the problem it met. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const run = useCallback(async <R>(work: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setProblem(undefined);
    try {
      return await work();
    } catch (error) {
      setProblem(asProblem(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setProblem(undefined), []);
  return { busy, problem, run, clear };
}
