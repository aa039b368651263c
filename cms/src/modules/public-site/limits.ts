import { sharedLimiter } from '../cluster';

/**
 * The rate limits of the public site, per client address, counted across every instance
 * (modules/cluster: Redis, PostgreSQL or memory). Settings from the environment.
 */
const num = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);

export type PublicForm = 'complaint' | 'survey';

export default () => {
  const buckets = {
    // Every form post, accepted or not: a loose guard against floods.
    post: sharedLimiter({ name: 'public-post', capacity: num('PUBLIC_POST_BURST', 20), refillPerMinute: num('PUBLIC_POST_PER_MINUTE', 6) }),
    pdf: sharedLimiter({ name: 'public-pdf', capacity: num('PUBLIC_PDF_BURST', 20), refillPerMinute: num('PUBLIC_PDF_PER_MINUTE', 20) }),
  };
  // Stored submissions, one quota per form: a refused one gives its action back.
  const formQuota = (form: PublicForm) => sharedLimiter({ name: `public-form-${form}`, capacity: num('PUBLIC_FORM_BURST', 5), refillPerMinute: num('PUBLIC_FORM_PER_MINUTE', 0.5) });
  const forms: Record<PublicForm, ReturnType<typeof sharedLimiter>> = { complaint: formQuota('complaint'), survey: formQuota('survey') };
  return {
    /** 0 when allowed, else seconds to wait. */
    take(bucket: keyof typeof buckets, key: string): Promise<number> {
      return buckets[bucket].take(key);
    },
    /** Reserves one submission of a form: 0 when allowed, else seconds to wait. */
    reserveForm(form: PublicForm, key: string): Promise<number> {
      return forms[form].take(key);
    },
    /** Gives back the reservation of a submission that was not stored. */
    releaseForm(form: PublicForm, key: string): Promise<void> {
      return forms[form].refund(key);
    },
    /** Synchronous (tests call it without waiting): every count starts afresh. */
    reset(): void {
      Object.values(buckets).forEach((b) => b.reset());
      Object.values(forms).forEach((b) => b.reset());
    },
  };
};
