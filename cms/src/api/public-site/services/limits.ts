import { TokenBuckets } from '../../../domain/token-bucket';

/** The rate limits of the public site, per client address. Settings from the environment. */
const num = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);

export default () => {
  const buckets = {
    form: new TokenBuckets({ capacity: num('PUBLIC_FORM_BURST', 5), refillPerMinute: num('PUBLIC_FORM_PER_MINUTE', 0.5) }),
    pdf: new TokenBuckets({ capacity: num('PUBLIC_PDF_BURST', 20), refillPerMinute: num('PUBLIC_PDF_PER_MINUTE', 20) }),
  };
  return {
    /** 0 when allowed, else seconds to wait. */
    take(bucket: keyof typeof buckets, key: string): number {
      return buckets[bucket].take(key);
    },
    reset(): void {
      Object.values(buckets).forEach((b) => b.reset());
    },
  };
};
