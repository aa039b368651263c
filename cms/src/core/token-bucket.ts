/**
 * Per-key token buckets in memory (one process): each key starts with `capacity` tokens and
 * regains `refillPerMinute` a minute. Enough to stop one address flooding the public forms;
 * a deployment with several processes puts a shared limit in its proxy as well.
 */
export interface BucketConfig {
  capacity: number;
  refillPerMinute: number;
}

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private config: BucketConfig, private now: () => number = Date.now) {}

  /** Takes a token; returns 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const b = this.current(key);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / this.config.refillPerMinute) * 60);
  }

  /**
   * Gives back a token taken for something that then didn't count (a form submission that was
   * refused: only stored ones use up the form's quota, taken first so parallel posts can't all
   * slip through).
   */
  refund(key: string): void {
    const b = this.current(key);
    b.tokens = Math.min(this.config.capacity, b.tokens + 1);
  }

  reset(): void {
    this.buckets.clear();
  }

  private current(key: string) {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.config.capacity, at: t };
    b.tokens = Math.min(this.config.capacity, b.tokens + ((t - b.at) / 60_000) * this.config.refillPerMinute);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune(t);
    return b;
  }

  private prune(t: number) {
    const full = (this.config.capacity / this.config.refillPerMinute) * 60_000;
    for (const [k, b] of this.buckets) if (t - b.at > full) this.buckets.delete(k);
  }
}
