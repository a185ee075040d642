import { isSpanContextValid, trace } from '@opentelemetry/api';
import winston from 'winston';
import { currentLogContext } from './context';
import { redact } from './redact';

export type LogFields = Record<string, unknown>;

export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/** The active trace, so a log line leads to its trace and a trace to its log lines. */
function traceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

const contextAndRedaction = winston.format((info) => {
  const context = currentLogContext();
  const fields = redact({
    ...traceFields(),
    ...context,
    ...info,
  }) as winston.Logform.TransformableInfo;
  // winston keeps level/message on symbols too; restore the originals.
  fields.level = info.level;
  fields.message = info.message;
  return Object.assign(info, fields);
});

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where the lines go instead of stdout/stderr: a `LogFile`, or a test reading what was logged. */
  stream?: NodeJS.WritableStream;
}

/** JSON logs with constant messages; variable parts go in fields, which are redacted. */
export function createLogger({ service, level = 'info', stream }: LoggerOptions): Logger {
  const transports: winston.transport[] = [
    stream
      ? new winston.transports.Stream({ stream })
      : new winston.transports.Console({ stderrLevels: ['error', 'warn'] }),
  ];
  const base = winston.createLogger({
    level: level === 'silent' ? 'error' : level,
    silent: level === 'silent',
    defaultMeta: { service },
    format: winston.format.combine(
      winston.format.timestamp(),
      winston.format.errors({ stack: false }),
      contextAndRedaction(),
      winston.format.json(),
    ),
    transports,
  });
  return wrap(base);
}

function wrap(target: winston.Logger): Logger {
  return {
    error: (message, fields) => target.error(message, fields),
    warn: (message, fields) => target.warn(message, fields),
    info: (message, fields) => target.info(message, fields),
    debug: (message, fields) => target.debug(message, fields),
    child: (fields) => wrap(target.child(fields)),
  };
}

/** A logger that drops everything; for libraries used without an app around them. */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  child: () => silentLogger,
};
