/**
 * Runs at most `size` gradings at once and hands each a distinct slot number. The slot picks
 * the sandbox uids, so no two concurrent gradings share a uid (RLIMIT_NPROC counts per uid).
 */
export class GradingLimiter {
  private readonly free: number[];
  private readonly waiting: ((slot: number) => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1 || size > 500)
      throw new Error(`bad grading concurrency ${size}`);
    this.free = Array.from({ length: size }, (_, slot) => slot);
  }

  async run<T>(task: (slot: number) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await task(slot);
    } finally {
      this.release(slot);
    }
  }

  private acquire(): Promise<number> {
    const slot = this.free.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: number): void {
    const next = this.waiting.shift();
    if (next !== undefined) next(slot);
    else this.free.push(slot);
  }
}
