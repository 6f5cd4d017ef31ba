import { redactSecrets } from "./redact";

// Structured JSON lines. Callers must never pass keys, tokens, secrets or request bodies; what an error message
// quotes is masked anyway (redact.ts).
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function createLogger(base: LogFields): Logger {
  const write = (level: string, message: string, fields?: LogFields) => {
    const line = redactSecrets(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
    if (level === "error") console.error(line);
    else console.log(line);
  };
  return {
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}
