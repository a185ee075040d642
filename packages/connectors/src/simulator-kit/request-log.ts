import type { NextFunction, Request, Response } from 'express';

export interface RecordedRequest {
  at: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  status: number;
}

/** Everything a simulator was asked, for tests and the demo to read back. */
export class RequestLog {
  private entries: RecordedRequest[] = [];

  constructor(private readonly max = 5_000) {}

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path.startsWith('/__control')) return next();
      // Captured now: inside a mounted router req.path loses the mount prefix.
      const path = req.path;
      res.on('finish', () => {
        this.entries.push({
          at: new Date().toISOString(),
          method: req.method,
          path,
          query: { ...req.query },
          body: req.body as unknown,
          status: res.statusCode,
        });
        if (this.entries.length > this.max) this.entries.shift();
      });
      next();
    };
  }

  list(filter: { method?: string; path?: string } = {}): RecordedRequest[] {
    return this.entries.filter(
      (entry) =>
        (!filter.method || entry.method === filter.method.toUpperCase()) &&
        (!filter.path || entry.path.startsWith(filter.path)),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
