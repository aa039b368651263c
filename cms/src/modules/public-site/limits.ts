import { TokenBuckets } from '../../core/token-bucket';

/** The rate limits of the public site, per client address. Settings from the environment. */
const num = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);

export type PublicForm = 'complaint' | 'survey';

export default () => {
  const buckets = {
    // Every form post, accepted or not: a loose guard against floods.
    post: new TokenBuckets({ capacity: num('PUBLIC_POST_BURST', 20), refillPerMinute: num('PUBLIC_POST_PER_MINUTE', 6) }),
    pdf: new TokenBuckets({ capacity: num('PUBLIC_PDF_BURST', 20), refillPerMinute: num('PUBLIC_PDF_PER_MINUTE', 20) }),
  };
  // Stored submissions, one bucket per form: a refused one gives its token back.
  const formQuota = () => new TokenBuckets({ capacity: num('PUBLIC_FORM_BURST', 5), refillPerMinute: num('PUBLIC_FORM_PER_MINUTE', 0.5) });
  const forms: Record<PublicForm, TokenBuckets> = { complaint: formQuota(), survey: formQuota() };
  return {
    /** 0 when allowed, else seconds to wait. */
    take(bucket: keyof typeof buckets, key: string): number {
      return buckets[bucket].take(key);
    },
    /** Reserves one submission of a form: 0 when allowed, else seconds to wait. */
    reserveForm(form: PublicForm, key: string): number {
      return forms[form].take(key);
    },
    /** Gives back the reservation of a submission that was not stored. */
    releaseForm(form: PublicForm, key: string): void {
      forms[form].refund(key);
    },
    reset(): void {
      Object.values(buckets).forEach((b) => b.reset());
      Object.values(forms).forEach((b) => b.reset());
    },
  };
};
