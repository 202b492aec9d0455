// Â = D^-1/2 (A + I) D^-1/2, the matrix a GCN layer multiplies by, stored
// sparse in CSR (compressed sparse row) form: for each node, the columns and
// weights of its nonzero entries, one after the other in typed arrays. A
// dense Â for 100,000 nodes would be 10^10 numbers; this one has one entry per
// edge end plus one per node, and is built in time proportional to that.
//
// What the edge list means:
// - Edges are undirected: a → b also connects b to a.
// - A is the adjacency of the edge *set*: an edge listed twice, or once in each
//   direction, is one edge. Duplicates never change the scores.
// - A + I gives every node a self-loop of weight 1, so that a node's own
//   features count in its new ones. A self-loop in the request is that same
//   loop, so it is not counted a second time.
// Together these make the scores depend on the graph, not on how the client
// happened to list its edges.

export interface NormalizedAdjacency {
  readonly nodeCount: number;
  /** Row i's entries are at positions rowStart[i] up to rowStart[i + 1] of columns and weights. */
  readonly rowStart: Int32Array;
  /** Column of each entry, increasing within a row. */
  readonly columns: Int32Array;
  /** Â's value at each entry: 1 / √(deg(i) · deg(j)), degrees counting the self-loop. */
  readonly weights: Float64Array;
}

export function normalizedAdjacency(nodeCount: number, sources: Int32Array, targets: Int32Array): NormalizedAdjacency {
  // 1. Both directions of every edge, bucketed by row (a counting sort), self-loops left out.
  const bucketStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < sources.length; e++) {
    if (sources[e] === targets[e]) continue;
    bucketStart[sources[e] + 1]++;
    bucketStart[targets[e] + 1]++;
  }
  for (let i = 0; i < nodeCount; i++) bucketStart[i + 1] += bucketStart[i];
  const entryCount = bucketStart[nodeCount];
  const unsorted = new Int32Array(entryCount);
  let next = bucketStart.slice(0, nodeCount);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e];
    const t = targets[e];
    if (s === t) continue;
    unsorted[next[s]++] = t;
    unsorted[next[t]++] = s;
  }

  // 2. Sort every row by column, with a second counting sort: visiting rows in
  // order and moving entry (r, c) into row c lists each row's columns in
  // increasing order. That builds the transpose, and this matrix is symmetric,
  // so the transpose is the same matrix, now sorted. No comparisons at all.
  const sorted = new Int32Array(entryCount);
  next = bucketStart.slice(0, nodeCount);
  for (let r = 0; r < nodeCount; r++) {
    for (let k = bucketStart[r]; k < bucketStart[r + 1]; k++) sorted[next[unsorted[k]]++] = r;
  }

  // 3. Each row once more, dropping repeated columns and adding the diagonal in its place.
  const rowStart = new Int32Array(nodeCount + 1);
  const columns = new Int32Array(entryCount + nodeCount);
  let out = 0;
  for (let i = 0; i < nodeCount; i++) {
    let diagonalDone = false;
    let previous = -1;
    for (let k = bucketStart[i]; k < bucketStart[i + 1]; k++) {
      const column = sorted[k];
      if (column === previous) continue;
      if (!diagonalDone && column > i) {
        columns[out++] = i;
        diagonalDone = true;
      }
      columns[out++] = column;
      previous = column;
    }
    if (!diagonalDone) columns[out++] = i;
    rowStart[i + 1] = out;
  }

  // 4. Weights: deg(i) is row i's length, the self-loop included.
  const inverseRootDegree = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) inverseRootDegree[i] = 1 / Math.sqrt(rowStart[i + 1] - rowStart[i]);
  const weights = new Float64Array(out);
  for (let i = 0; i < nodeCount; i++) {
    for (let k = rowStart[i]; k < rowStart[i + 1]; k++) weights[k] = inverseRootDegree[i] * inverseRootDegree[columns[k]];
  }
  return { nodeCount, rowStart, columns: columns.subarray(0, out), weights };
}

/**
 * Â · input, for `input` holding `width` values per node (row-major). Each
 * output row is a weighted sum of the node's own row and its neighbours':
 * this is the "message passing" of a graph convolution.
 *
 * The neighbours' rows are scattered all over `input`, so fetching them costs:
 * the input is float32 (a 16-value row is 64 bytes to fetch instead of 128),
 * and the sums, float64, are kept eight at a time in local variables, which
 * V8 holds in registers. Summing into the output array instead, one value at
 * a time, measured three times slower. Each sum still adds its terms in
 * column order, so the result does not depend on the blocking.
 */
export function propagate(adjacency: NormalizedAdjacency, input: Float32Array, width: number): Float64Array {
  const { nodeCount, rowStart, columns, weights } = adjacency;
  const output = new Float64Array(nodeCount * width);
  for (let i = 0; i < nodeCount; i++) {
    const first = rowStart[i];
    const end = rowStart[i + 1];
    const out = i * width;
    let f = 0;
    for (; f + 8 <= width; f += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let k = first; k < end; k++) {
        const weight = weights[k];
        const at = columns[k] * width + f;
        s0 += weight * input[at];
        s1 += weight * input[at + 1];
        s2 += weight * input[at + 2];
        s3 += weight * input[at + 3];
        s4 += weight * input[at + 4];
        s5 += weight * input[at + 5];
        s6 += weight * input[at + 6];
        s7 += weight * input[at + 7];
      }
      output[out + f] = s0;
      output[out + f + 1] = s1;
      output[out + f + 2] = s2;
      output[out + f + 3] = s3;
      output[out + f + 4] = s4;
      output[out + f + 5] = s5;
      output[out + f + 6] = s6;
      output[out + f + 7] = s7;
    }
    for (; f < width; f++) {
      let sum = 0;
      for (let k = first; k < end; k++) sum += weights[k] * input[columns[k] * width + f];
      output[out + f] = sum;
    }
  }
  return output;
}
