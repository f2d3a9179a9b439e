import type { LogLevel } from "./vocabulary.ts";
import { terminalSafe, terminalSafeJson } from "./clean_text.ts";
import { maskUrlsIn } from "./mask_url.ts";

export type { LogLevel };
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. the agent's name). */
  child(fields: LogFields): Logger;
}

export interface LogRecord {
  level: LogLevel;
  message: string;
  fields: LogFields;
  at: Date;
}

export type LogSink = (record: LogRecord) => void;

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(
  sinks: LogSink[],
  minLevel: LogLevel = "info",
  base: LogFields = {},
): Logger {
  const emit = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    const record = { level, message, fields: { ...base, ...fields }, at: new Date() };
    for (const sink of sinks) sink(record);
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (fields) => createLogger(sinks, minLevel, { ...base, ...fields }),
  };
}

/** Logs go to stderr so stdout stays clean for --json results and piping. */
export function stderrSink(options: { json: boolean; color: boolean }): LogSink {
  const encoder = new TextEncoder();
  // A credential in a URL a log line quotes (a feed, a proxy) never reaches the log.
  const write = (line: string) => Deno.stderr.writeSync(encoder.encode(maskUrlsIn(line) + "\n"));
  if (options.json) {
    return (r) =>
      write(terminalSafeJson(
        JSON.stringify({ time: r.at.toISOString(), level: r.level, msg: r.message, ...r.fields }),
      ));
  }
  const paint: Record<LogLevel, (s: string) => string> = options.color
    ? {
      debug: (s) => `\x1b[90m${s}\x1b[0m`,
      info: (s) => `\x1b[36m${s}\x1b[0m`,
      warn: (s) => `\x1b[33m${s}\x1b[0m`,
      error: (s) => `\x1b[31m${s}\x1b[0m`,
    }
    : { debug: (s) => s, info: (s) => s, warn: (s) => s, error: (s) => s };
  return (r) => {
    const { agent, ...rest } = r.fields;
    const extra = Object.entries(rest).map(([k, v]) =>
      `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`
    );
    const time = r.at.toISOString().slice(11, 19);
    // Messages and fields may quote outside data: its escapes never reach the terminal.
    const text = terminalSafe(
      `${agent ? `[${agent}] ` : ""}${r.message}${extra.length ? " " + extra.join(" ") : ""}`,
    );
    write(`${time} ${paint[r.level](r.level.padEnd(5))} ${text}`);
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColor(stream: { isTerminal(): boolean } = Deno.stderr): boolean {
  return stream.isTerminal() && !Deno.env.get("NO_COLOR");
}

/** A logger that drops everything: the default in tests. */
export const silentLogger: Logger = createLogger([]);

/** A logger that writes to `base` and also hands each record to `sink`. */
export function teeLogger(base: Logger, sink: LogSink, fields: LogFields = {}): Logger {
  const emit = (level: LogLevel) => (message: string, extra: LogFields = {}) => {
    base[level](message, { ...fields, ...extra });
    sink({ level, message, fields: { ...fields, ...extra }, at: new Date() });
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (more) => teeLogger(base, sink, { ...fields, ...more }),
  };
}
