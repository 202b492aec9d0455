// Exercise 07-A: the mean and σ in one pass, keeping three numbers.
//
// A server that only needed the mean and the population σ of a stream could
// keep a few numbers instead of every value. This starter keeps the count, the
// sum and the sum of squares, and uses the textbook formula
// σ² = E[x²] − E[x]². It is exact on paper and wrong in floating point when
// the values are large and close together (CPU readings plus 10^9, say): the
// two terms are nearly equal, and their difference is lost to rounding.
//
// Rewrite it with Welford's method, which keeps the running mean and M2, the
// sum of squared deviations from it:
//   on each value x: count += 1; delta = x − mean; mean += delta / count; M2 += delta × (x − mean)
//   σ = √(M2 / count)
// With no values, mean and stdDev are 0.
//
// Check your work: npm run exercises -- 07
export class RunningStats {
  #count = 0;
  #sum = 0;
  #sumOfSquares = 0;

  add(value: number): void {
    // TODO: Welford's update instead of these two sums.
    this.#count++;
    this.#sum += value;
    this.#sumOfSquares += value * value;
  }

  get count(): number {
    return this.#count;
  }

  get mean(): number {
    return this.#count === 0 ? 0 : this.#sum / this.#count;
  }

  /** The population standard deviation (divide by n, as numpy's std() does). */
  get stdDev(): number {
    if (this.#count === 0) return 0;
    const mean = this.mean;
    return Math.sqrt(Math.max(0, this.#sumOfSquares / this.#count - mean * mean));
  }
}
