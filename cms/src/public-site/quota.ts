import type { BucketConfig } from '../domain/token-bucket';

/**
 * Per-key token buckets whose token can be given back: a form takes one before the submission
 * is processed (so parallel posts can't all slip through) and refunds it when nothing was stored.
 */
export class RefundableBuckets {
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

  /** Gives back a token taken for a submission that was refused. */
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
