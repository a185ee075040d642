import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Express } from 'express';

/** Serves the requests it recognises (and says so); leaves every other one alone. */
export type Lane = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The ingress's HTTP surface: what `listen` serves. */
export interface IngressApp {
  listen(port: number, host: string, onListening?: () => void): Server;
}

/**
 * Provider deliveries are the ingress's hot path and need none of Express's per-request
 * machinery (prototype swaps, router layers, their tracing spans), which costs more than
 * verifying and recording a delivery: the lane answers them off Node's server, and every other
 * request goes to the Express app.
 */
export function frontDoor(lane: Lane, app: Express): IngressApp {
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (!lane(req, res)) app(req, res);
  };
  return {
    listen: (port, host, onListening) => createServer(serve).listen(port, host, onListening),
  };
}
