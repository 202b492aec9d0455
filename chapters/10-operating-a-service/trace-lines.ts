// grpc-js trace output (GRPC_TRACE=… GRPC_VERBOSITY=DEBUG, on stderr) looks like
//   D 2026-01-01T12:00:00.149Z | v1.14.7 4242 | keepalive | (1) Sending ping with timeout 100ms
// severity, time, grpc-js version and process id, tracer, then the text.

/** The trace lines whose text matches `pattern`, with times relative to the first trace line. */
export function traceLines(stderr: string, pattern: RegExp): string[] {
  const entries = stderr
    .split('\n')
    .map((line) => /^[DIE] (\S+) \| [^|]+ \| (\w+) \| (.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, time, tracer, text]) => ({ at: Date.parse(time), tracer, text }));
  const start = entries[0]?.at ?? 0;
  return entries
    .filter(({ text }) => pattern.test(text))
    .map(({ at, tracer, text }) => `+${String(at - start).padStart(3)} ms  ${tracer} | ${text}`);
}
