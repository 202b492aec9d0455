// Near-miss for exercise 07-A: the reference solution, except that it divides by n − 1 (the sample σ) instead of n.
// The exercise's test must fail against it (the workbook checks that it does).
export class RunningStats {
  #count = 0;
  #mean = 0;
  /** The sum of squared deviations from the running mean. */
  #m2 = 0;

  add(value: number): void {
    this.#count++;
    const delta = value - this.#mean;
    this.#mean += delta / this.#count;
    // delta is from the old mean, (value − mean) from the new one: their
    // product is the exact increase of M2, with no large terms to cancel.
    this.#m2 += delta * (value - this.#mean);
  }

  get count(): number {
    return this.#count;
  }

  get mean(): number {
    return this.#mean;
  }

  /** The population standard deviation (divide by n, as numpy's std() does). */
  get stdDev(): number {
    return this.#count === 0 ? 0 : Math.sqrt(this.#m2 / Math.max(1, this.#count - 1));
  }
}
