// The workbook's exercises, in the order a learner meets them: the one list
// that `npm run learn`, `npm run exercises`, the lessons' hints and the
// workbook's checks all read. Adding an exercise is adding an entry here.
//
// Each exercise lives in chapters/<chapter>/exercises/: <name>.ts the starter
// the learner fills in, <name>.test.ts its test, solutions/<name>.ts the
// reference solution. Each entry's near-misses (the solution with one stated
// requirement dropped) are the proof that the test checks what the starter asks.
import { join } from 'node:path';

/**
 * The reference solution with one stated requirement dropped: `replace` (which
 * must occur once in the solution) becomes `with`. The exercise's test must
 * fail against it; the workbook writes it out only while it checks that.
 */
export interface NearMiss {
  /** The requirement it drops: "it <drops>". */
  drops: string;
  replace: string;
  with: string;
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
  };
}

export const EXERCISES: readonly Exercise[] = [
  exercise({
    label: '01-A',
    chapter: '01-protobuf-wire-format',
    name: 'encode-varint',
    title: 'encode an int32 as a protobuf varint, by hand',
    nearMisses: [
      {
        drops: 'does not refuse a number outside the int32 range',
        replace: 'if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {',
        with: 'if (!Number.isInteger(value)) {',
      },
    ],
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
    nearMisses: [
      {
        drops: 'counts UTF-16 units instead of UTF-8 bytes for the length',
        replace: 'let length = payload.length;',
        with: 'let length = name.length;',
      },
    ],
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
    nearMisses: [
      {
        drops: 'does not trim the name',
        replace: 'const name = sent.trim();',
        with: 'const name = sent;',
      },
    ],
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
    nearMisses: [
      {
        drops: 'never closes the client',
        replace: '  } finally {\n    client.close();\n  }\n',
        with: '  }\n',
      },
    ],
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
    nearMisses: [
      {
        drops: 'does not refuse vectors of different lengths',
        replace: '  if (xs.length !== ys.length) throw new RangeError(`vectors must have the same length, got ${xs.length} and ${ys.length}`);\n',
        with: '',
      },
    ],
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
    nearMisses: [
      {
        drops: 'sends every id in one call instead of batches of at most 100',
        replace: 'start += MAX_IDS_PER_CALL',
        with: 'start += ids.length',
      },
    ],
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
    nearMisses: [
      {
        drops: 'reads the stream to its end instead of cancelling it',
        replace: '      call.on(\'error\', () => {}); // the CANCELLED that cancel() brings is expected\n      call.cancel();\n      return feature;',
        with: '      for await (const _rest of messagesOf(call));\n      return feature;',
      },
    ],
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
    nearMisses: [
      {
        drops: 'makes the call without a deadline',
        replace: 'client.RecordRoute({ deadline: new Date(Date.now() + timeoutMs) },',
        with: 'client.RecordRoute({},',
      },
    ],
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
    nearMisses: [
      {
        drops: 'never acknowledges the tasks',
        replace: '    await acknowledge(client, clientId, tasks);\n',
        with: '',
      },
    ],
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
    nearMisses: [
      {
        drops: 'reconnects at once, without waiting out the backoff',
        replace: '      await sleep(delayMs);\n',
        with: '',
      },
    ],
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
    nearMisses: [
      {
        drops: 'sums the neighbours instead of averaging them',
        replace: 'weights.fill(1 / degree,',
        with: 'weights.fill(1 + 0 * degree,',
      },
    ],
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
    nearMisses: [
      {
        drops: 'does not read packed features',
        replace: '    } else if (fieldNumber === 2 && wireType === WireType.LEN) {\n      // Packed: read floats up to the field\'s end; enter() makes a read past it fail.\n      const outer = reader.enter(reader.lengthDelimited());\n      while (!reader.atEnd) features.push(reader.float32());\n      reader.leave(outer);\n',
        with: '',
      },
    ],
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
    nearMisses: [
      {
        drops: 'divides by n − 1 (the sample σ) instead of n',
        replace: 'Math.sqrt(this.#m2 / this.#count)',
        with: 'Math.sqrt(this.#m2 / Math.max(1, this.#count - 1))',
      },
    ],
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
    nearMisses: [
      {
        drops: 'streams without a deadline',
        replace: 'return calls.detectStream(batches);',
        with: 'return calls.detectStream(batches, {});',
      },
    ],
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
    nearMisses: [
      {
        drops: 'signs again when a key is reused for another name',
        replace: '    } else if (entry.name !== name) {',
        with: '    } else if (false as boolean) {',
      },
    ],
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
    nearMisses: [
      {
        drops: 'reports only the first violation',
        replace: 'if (violations.length > 0) throw badRequest(violations);',
        with: 'if (violations.length > 0) throw badRequest(violations.slice(0, 1));',
      },
    ],
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
    nearMisses: [
      {
        drops: 'lets calls without a deadline through',
        replace: 'if (at === Infinity) return `calls to ${path} must carry a deadline`;',
        with: 'if (at === Infinity) return undefined;',
      },
    ],
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
    nearMisses: [
      {
        drops: 'keeps a token until it has expired instead of refreshing it 30 s before',
        replace: 'now() < cached.expiresAt - REFRESH_BEFORE_EXPIRY_MS',
        with: 'now() < cached.expiresAt',
      },
    ],
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
    nearMisses: [
      {
        drops: 'leaves the Watch stream open',
        replace: '  } finally {\n    watch.cancel();\n  }\n',
        with: '  } finally {\n  }\n',
      },
    ],
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
    nearMisses: [
      {
        drops: 'leaves the keepalive timeout at its 20 s default',
        replace: '  \'grpc.keepalive_timeout_ms\': 300,\n',
        with: '',
      },
    ],
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
    nearMisses: [
      {
        drops: 'leaves out round_robin',
        replace: '  loadBalancingConfig: [{ round_robin: {} }],',
        with: '  loadBalancingConfig: [],',
      },
    ],
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
    nearMisses: [
      {
        drops: 'does not wait for the server to be ready',
        replace: 'metadata: new Metadata({ waitForReady: true })',
        with: 'metadata: new Metadata()',
      },
    ],
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
    nearMisses: [
      {
        drops: 'compresses every name, small ones too',
        replace: 'Buffer.byteLength(name) >= WORTH_COMPRESSING ? gzip : plain',
        with: 'Buffer.byteLength(name) >= 0 ? gzip : plain',
      },
    ],
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
    nearMisses: [
      {
        drops: 'waits for ever when the line never comes',
        replace: '    const timer = setTimeout(() => settle(() => reject(new Error(`no "listening on host:port" within ${timeoutMs} ms:\\n${read}`))), timeoutMs);\n',
        with: '    const timer = undefined;\n',
      },
    ],
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
    nearMisses: [
      {
        drops: 'drops the milliseconds (nanos always 0)',
        replace: 'nanos: (ms - seconds * 1000) * 1_000_000',
        with: 'nanos: 0 * ms',
      },
    ],
    hint: `
Work in milliseconds since 1970 (\`start.getTime() + i * stepMs\`). The
seconds are \`Math.floor(ms / 1000)\`, not \`Math.trunc\`: before 1970 they
must round down so that the nanos, \`(ms - seconds * 1000) * 1_000_000\`,
stay positive.
`,
  }),
  exercise({
    label: '13-A',
    chapter: '13-grpc-from-the-browser',
    name: 'connect-json-call',
    title: 'call SayHello with the Connect protocol using only fetch',
    nearMisses: [
      {
        drops: 'does not send the JSON content-type',
        replace: "headers: { 'content-type': 'application/json' },",
        with: "headers: { 'content-type': 'text/plain' },",
      },
      {
        drops: 'resolves instead of rejecting on an error status',
        replace: 'if (response.status !== 200) throw',
        with: 'if (response.status === 0) throw',
      },
    ],
    hint: `
The URL is the base URL plus \`/helloworld.Greeter/SayHello\`, the header is
\`content-type: application/json\`, and the body is \`JSON.stringify({ name })\`.
Read \`response.json()\` either way; \`response.status !== 200\` tells you
which of the two shapes you have.
`,
  }),
  exercise({
    label: '13-B',
    chapter: '13-grpc-from-the-browser',
    name: 'retry-unavailable',
    title: 'retry UNAVAILABLE with exponential backoff',
    nearMisses: [
      {
        drops: 'retries every error, not only UNAVAILABLE',
        replace: 'const retryable = error instanceof ConnectError && error.code === Code.Unavailable;',
        with: 'const retryable = error instanceof ConnectError;',
      },
      {
        drops: 'never doubles the wait',
        replace: 'delayMs *= 2;',
        with: 'delayMs *= 1;',
      },
    ],
    hint: `
A \`for\` loop over attempts with \`try { return await call(); }\`. In the
\`catch\`, rethrow unless the error is a \`ConnectError\` with
\`code === Code.Unavailable\` and attempts remain; after the \`catch\`, wait
with \`await sleep(delayMs)\` and double \`delayMs\`.
`,
  }),
];
