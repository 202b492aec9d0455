// The workbook's exercises, in the order a learner meets them: the one list
// that `npm run learn`, `npm run exercises`, the lessons' hints and the
// workbook's checks all read. Adding an exercise is adding an entry here.
//
// Each exercise lives in chapters/<chapter>/exercises/: <name>.ts the starter
// the learner fills in, <name>.test.ts its test, solutions/<name>.ts the
// reference solution, and near-misses/<name>.<what>.ts the reference solution
// with one stated requirement dropped, which the test must reject.
import { join } from 'node:path';

export interface NearMiss {
  /** File name in near-misses/. */
  file: string;
  /** The requirement it drops, in the starter's words. */
  drops: string;
}

export interface ExerciseEntry {
  /** "02-A": the chapter and the exercise's letter, as the starter's first line names it. */
  label: string;
  /** The chapter folder, "02-unary-hello". */
  chapter: string;
  /** The starter's file name without ".ts", "polite-greeter". */
  name: string;
  title: string;
  nearMisses: NearMiss[];
  /** The hint, as the lesson's Exercises section shows it (a test checks they agree). */
  hint: string;
}

export interface Exercise extends ExerciseEntry {
  /** "02-polite-greeter": how a learner names it. */
  id: string;
  /** Paths from the repository root. */
  starter: string;
  test: string;
  solution: string;
  nearMissFiles: string[];
}

function exercise(entry: ExerciseEntry): Exercise {
  const folder = join('chapters', entry.chapter, 'exercises');
  return {
    ...entry,
    hint: entry.hint.trim(),
    id: `${entry.chapter.slice(0, 2)}-${entry.name}`,
    starter: join(folder, `${entry.name}.ts`),
    test: join(folder, `${entry.name}.test.ts`),
    solution: join(folder, 'solutions', `${entry.name}.ts`),
    nearMissFiles: entry.nearMisses.map((nearMiss) => join(folder, 'near-misses', nearMiss.file)),
  };
}

export const EXERCISES: readonly Exercise[] = [
  exercise({
    label: '01-A',
    chapter: '01-protobuf-wire-format',
    name: 'encode-varint',
    title: 'encode an int32 as a protobuf varint, by hand',
    nearMisses: [{ file: 'encode-varint.no-range-check.ts', drops: 'does not refuse a number outside the int32 range' }],
    hint: `
Validate first (\`Number.isInteger\`, and the int32 range). Then
\`BigInt.asUintN(64, BigInt(value))\` gives the 64-bit pattern protobuf writes
for a negative int32; take 7 bits at a time with \`& 0x7fn\`, shift with
\`>>= 7n\`, and set \`0x80\` on every byte that has more after it.
`,
  }),
  exercise({
    label: '01-B',
    chapter: '01-protobuf-wire-format',
    name: 'encode-hello-request',
    title: 'encode helloworld.HelloRequest { name } by hand',
    nearMisses: [{ file: 'encode-hello-request.utf16-length.ts', drops: 'counts UTF-16 units instead of UTF-8 bytes for the length' }],
    hint: `
\`new TextEncoder().encode(name)\` gives the UTF-8 bytes: the length is
theirs, not \`name.length\` ("ü" is one character, two bytes). The tag is
\`(1 << 3) | 2\`. A length of 128 or more needs a two-byte varint. An empty
name is no bytes at all.
`,
  }),
  exercise({
    label: '02-A',
    chapter: '02-unary-hello',
    name: 'polite-greeter',
    title: 'a Greeter that tidies names and refuses bad ones',
    nearMisses: [{ file: 'polite-greeter.no-trim.ts', drops: 'does not trim the name' }],
    hint: `
Write one \`tidyName(sent)\` that either returns the tidy name or throws an
\`RpcError(status.INVALID_ARGUMENT, …)\`, and use it in both handlers.
\`JSON.stringify(sent)\` quotes the name for the message; \`[...name].length\`
counts code points.
`,
  }),
  exercise({
    label: '02-B',
    chapter: '02-unary-hello',
    name: 'greet-or-explain',
    title: 'a client that always comes back, with a reply or a reason',
    nearMisses: [{ file: 'greet-or-explain.no-close.ts', drops: 'never closes the client' }],
    hint: `
Pass \`{ deadline: new Date(Date.now() + timeoutMs) }\` as the call options.
In the \`catch\`, \`isServiceError(error)\` (from \`chapters/shared/client.ts\`)
tells you it is a gRPC failure; \`status[error.code]\` is its name. Close the
client in a \`finally\`.
`,
  }),
  exercise({
    label: '03-A',
    chapter: '03-calculator-and-users',
    name: 'dot-product',
    title: 'a dot product computed by the Cal service',
    nearMisses: [{ file: 'dot-product.no-length-check.ts', drops: 'does not refuse vectors of different lengths' }],
    hint: `
\`callUnary(client.Multiply, new MultiplyRequest({ number1: x, number2: y }), { deadline: deadlineIn() })\`
returns a promise of the reply. The products are independent, so
\`Promise.all\` can send them together; the sums depend on each other.
Don't catch the error: a rejected \`await\` already passes it on.
`,
  }),
  exercise({
    label: '03-B',
    chapter: '03-calculator-and-users',
    name: 'fetch-users',
    title: 'look up any number of users from a server that takes at most 100 ids per call',
    nearMisses: [{ file: 'fetch-users.no-batches.ts', drops: 'sends every id in one call instead of batches of at most 100' }],
    hint: `
Slice \`ids\` into chunks of \`MAX_IDS_PER_CALL\`, make one \`User\` call per
chunk, and join the replies' \`data\` in chunk order. \`Promise.all\` keeps the
order of its input and rejects with the first failure.
`,
  }),
  exercise({
    label: '04-A',
    chapter: '04-route-guide-streaming',
    name: 'first-match',
    title: 'stop a stream when you have what you came for',
    nearMisses: [{ file: 'first-match.no-cancel.ts', drops: 'reads the stream to its end instead of cancelling it' }],
    hint: `
\`for await (const feature of messagesOf(call))\` reads one message at a
time. When one matches, add an \`'error'\` listener that ignores the
\`CANCELLED\` you are about to cause, call \`call.cancel()\`, and return it. A
real failure ends the loop by throwing its \`ServiceError\`, which is exactly
what the caller should get.
`,
  }),
  exercise({
    label: '04-B',
    chapter: '04-route-guide-streaming',
    name: 'live-route',
    title: 'a client stream fed as you go',
    nearMisses: [{ file: 'live-route.no-deadline.ts', drops: 'makes the call without a deadline' }],
    hint: `
Open the call first (\`client.RecordRoute(options, callback)\`, with the
callback settling a promise), then \`for await\` over the feed and
\`writeWithBackpressure\` each point. Set a flag in the callback, and \`break\`
when it is set: breaking out of \`for await\` closes the feed's generator. In
a \`catch\` around the loop, \`call.cancel()\` and rethrow the feed's error;
otherwise \`call.end()\` and return the promise. Add \`.catch(() => {})\` to
that promise right away: it can fail while you are still writing.
`,
  }),
  exercise({
    label: '05-A',
    chapter: '05-two-way-push',
    name: 'acknowledge-tasks',
    title: 'acknowledge what was pushed to you',
    nearMisses: [{ file: 'acknowledge-tasks.no-acknowledgement.ts', drops: 'never acknowledges the tasks' }],
    hint: `
\`client.tellResult(clientIdMetadata(clientId), { deadline: deadlineIn() }, callback)\`
returns a stream: \`write()\` one \`new Result({ task_id: task.id, ret: task.task.toUpperCase() })\`
per task, then \`end()\`. The callback runs once the server has answered;
wrap it in a promise and \`await\` it before returning the ids.
`,
  }),
  exercise({
    label: '05-B',
    chapter: '05-two-way-push',
    name: 'reconnect-with-backoff',
    title: 'reconnect with backoff',
    nearMisses: [{ file: 'reconnect-with-backoff.no-backoff.ts', drops: 'reconnects at once, without waiting out the backoff' }],
    hint: `
Put the one-stream promise in a loop, and let it resolve with the error
that ended the stream (or \`null\` once you have enough) instead of
rejecting. After it: give up on a status that is not retryable or when
\`failures >= maxRetries\`; otherwise compute the delay, \`failures++\`,
\`onWait(delay)\`, and \`await sleep(delay)\` (\`setTimeout\` from
\`node:timers/promises\`). Listen for \`'metadata'\` to set \`failures = 0\`.
`,
  }),
  exercise({
    label: '06-A',
    chapter: '06-gcn-scoring',
    name: 'mean-adjacency',
    title: 'mean aggregation instead of symmetric normalisation',
    nearMisses: [{ file: 'mean-adjacency.sum-not-mean.ts', drops: 'sums the neighbours instead of averaging them' }],
    hint: `
\`normalizedAdjacency()\` already finds every row's columns, deduplicated,
sorted, with the diagonal in place. Keep its \`rowStart\` and \`columns\`; the
length of row i is deg(i), so every weight in that row is \`1 / deg(i)\`.
`,
  }),
  exercise({
    label: '06-B',
    chapter: '06-gcn-scoring',
    name: 'read-node',
    title: 'decode one Node message by hand',
    nearMisses: [{ file: 'read-node.no-packed.ts', drops: 'does not read packed features' }],
    hint: `
Loop \`while (!reader.atEnd)\`; split each \`reader.tag()\` into
\`tag >>> 3\` (field number) and \`tag & 7\` (wire type). Field 2 with wire
type 2 is packed: \`reader.enter(reader.lengthDelimited())\`, read
\`float32()\`s until \`atEnd\`, then \`reader.leave(outer)\`. Anything else you
don't know: \`reader.skip(wireType)\`.
`,
  }),
  exercise({
    label: '07-A',
    chapter: '07-metrics-outliers',
    name: 'running-stats',
    title: 'the mean and σ in one pass, keeping three numbers',
    nearMisses: [{ file: 'running-stats.sample-not-population.ts', drops: 'divides by n − 1 (the sample σ) instead of n' }],
    hint: `
Keep \`count\`, \`mean\` and \`m2\`. On each value: \`count++\`,
\`delta = x - mean\`, \`mean += delta / count\`, \`m2 += delta * (x - mean)\`
(the second factor uses the *new* mean). σ is \`Math.sqrt(m2 / count)\`.
`,
  }),
  exercise({
    label: '07-B',
    chapter: '07-metrics-outliers',
    name: 'detect-any-size',
    title: 'one call for requests of any size',
    nearMisses: [{ file: 'detect-any-size.no-deadline.ts', drops: 'streams without a deadline' }],
    hint: `
\`encodeOutliersRequest({ metrics: [m] }).length\` is exactly what metric
\`m\` adds to a request: a repeated field is its elements, one after another.
Fill a batch while the running total stays within the limit, then start
the next. \`calls.detectStream\` takes any iterable of batches.
`,
  }),
  exercise({
    label: '08-A',
    chapter: '08-when-calls-go-wrong',
    name: 'idempotent-guestbook',
    title: 'a guestbook that a client may safely call again',
    nearMisses: [{ file: 'idempotent-guestbook.no-key-check.ts', drops: 'signs again when a key is reused for another name' }],
    hint: `
Keep a \`Map\` from key to \`{ name, reply }\`. Look the key up before you
sign: a new key signs and stores its reply; a known key with the same name
only waits and answers the stored reply. \`call.metadata.get('idempotency-key')\`
returns an array; its first element is the key (a string).
`,
  }),
  exercise({
    label: '08-B',
    chapter: '08-when-calls-go-wrong',
    name: 'outliers-violations',
    title: 'refuse a bad OutliersRequest with every violation at once',
    nearMisses: [{ file: 'outliers-violations.first-violation-only.ts', drops: 'reports only the first violation' }],
    hint: `
Walk \`request.metrics\` with \`forEach((metric, index) => …)\` and push a
\`{ field, description }\` for each problem, in the order the starter lists.
\`metric.has_time\` is false when no time was sent; \`Number.isFinite\` is
false for \`NaN\` and both infinities, and \`\${value}\` prints them as the
messages want. Throw \`badRequest(violations)\` if the list is not empty.
`,
  }),
  exercise({
    label: '09-A',
    chapter: '09-metadata-interceptors-tls',
    name: 'deadline-guard',
    title: 'a server interceptor that refuses calls without a sensible deadline',
    nearMisses: [{ file: 'deadline-guard.no-missing-deadline.ts', drops: 'lets calls without a deadline through' }],
    hint: `
Start from the shape of \`authInterceptor\`: a \`ServerListenerBuilder\` whose
\`withOnReceiveMetadata\` either calls \`next(metadata)\` or
\`call.sendStatus({ code, details, metadata: new Metadata() })\`.
\`call.getDeadline()\` may be a \`Date\` or a number; turn it into milliseconds
first, and compare with \`Infinity\` for "no deadline".
`,
  }),
  exercise({
    label: '09-B',
    chapter: '09-metadata-interceptors-tls',
    name: 'cached-token',
    title: 'call credentials that fetch a token only when they need one',
    nearMisses: [{ file: 'cached-token.no-early-refresh.ts', drops: 'keeps a token until it has expired instead of refreshing it 30 s before' }],
    hint: `
Keep two things: the last token fetched, and the fetch under way (a
promise), if any. Decide synchronously (no \`await\` between looking at them
and starting a fetch), or two calls will both start one. On a failed fetch,
forget the promise so that the next call tries again, and pass the error to
the generator's callback.
`,
  }),
  exercise({
    label: '10-A',
    chapter: '10-operating-a-service',
    name: 'wait-until-serving',
    title: 'wait until a service is ready',
    nearMisses: [{ file: 'wait-until-serving.no-cancel.ts', drops: 'leaves the Watch stream open' }],
    hint: `
\`new HealthWatch(client, service, deadlineIn(timeoutMs))\` puts the time
limit on the call itself: when it passes, \`next()\` rejects with
\`DEADLINE_EXCEEDED\`, which is exactly the error to pass on. Read \`next()\`
in a loop until it returns \`'SERVING'\`, and call \`cancel()\` in a \`finally\`.
`,
  }),
  exercise({
    label: '10-B',
    chapter: '10-operating-a-service',
    name: 'frozen-peer-options',
    title: 'notice a dead connection in time',
    nearMisses: [{ file: 'frozen-peer-options.no-keepalive-timeout.ts', drops: 'leaves the keepalive timeout at its 20 s default' }],
    hint: `
In the worst case the freeze comes just after a ping was answered: the
next ping goes out \`grpc.keepalive_time_ms\` later, and the connection is
given up \`grpc.keepalive_timeout_ms\` after that. Both must fit in the
second, with room to spare; the default timeout (20 s) does not.
`,
  }),
  exercise({
    label: '11-A',
    chapter: '11-many-servers',
    name: 'retry-config',
    title: 'a service config that rides out a flaky fleet',
    nearMisses: [{ file: 'retry-config.no-round-robin.ts', drops: 'leaves out round_robin' }],
    hint: `
Four attempts in all means \`maxAttempts: 4\`. Copy the shape of
\`retryUnavailable\` in \`service-configs.ts\`; the \`name\` entry
\`{ service: 'helloworld.Greeter' }\` covers both methods.
`,
  }),
  exercise({
    label: '11-B',
    chapter: '11-many-servers',
    name: 'greet-when-up',
    title: 'a client that can be started before its server',
    nearMisses: [{ file: 'greet-when-up.no-wait-for-ready.ts', drops: 'does not wait for the server to be ready' }],
    hint: `
\`greet(name, { deadline: deadlineIn(timeoutMs), metadata: new Metadata({ waitForReady: true }) })\`,
inside a \`try\`, with \`client.close()\` in the \`finally\`. The test hangs up on
the first connection, so the default 1 s reconnect backoff is part of the
wait: that is why its timeout is 5 s.
`,
  }),
  exercise({
    label: '11-C',
    chapter: '11-many-servers',
    name: 'compress-when-it-pays',
    title: 'compress only when it pays',
    nearMisses: [{ file: 'compress-when-it-pays.always-gzip.ts', drops: 'compresses every name, small ones too' }],
    hint: `
grpc-js has no per-call switch, so open two clients, one with
\`GZIP_CHANNEL\` and one with \`PLAIN_CHANNEL\`, and choose per call.
\`Buffer.byteLength(name)\` counts UTF-8 bytes; \`name.length\` counts UTF-16
units. Close both.
`,
  }),
  exercise({
    label: '12-A',
    chapter: '12-python-and-go-peers',
    name: 'listening-address',
    title: 'find out where a server in another language listens',
    nearMisses: [{ file: 'listening-address.no-timeout.ts', drops: 'waits for ever when the line never comes' }],
    hint: `
\`output.setEncoding('utf8')\` puts a string decoder in front of the chunks,
so a character split between two chunks arrives whole. Keep everything
read so far in one string and match \`/listening on (\\S+)\\s/\`: the \`\\s\`
makes sure the whole address has arrived. Clear the timer when you
settle, whichever way.
`,
  }),
  exercise({
    label: '12-B',
    chapter: '12-python-and-go-peers',
    name: 'reading-times',
    title: 'the timestamps the original client.go meant to send',
    nearMisses: [{ file: 'reading-times.no-nanos.ts', drops: 'drops the milliseconds (nanos always 0)' }],
    hint: `
Work in milliseconds since 1970 (\`start.getTime() + i * stepMs\`). The
seconds are \`Math.floor(ms / 1000)\`, not \`Math.trunc\`: before 1970 they
must round down so that the nanos, \`(ms - seconds * 1000) * 1_000_000\`,
stay positive.
`,
  }),
];
