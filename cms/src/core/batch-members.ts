/**
 * Who a batch's outgoing documents list (the request to Dinkes, the SK's BNBA, the BNBA export):
 * the proposals still standing whose cleansing BPJS has not refused. A line sent to BPJS is
 * "pending" until its result comes (results may come in parts): it isn't listed until BPJS
 * accepts it, since these documents say the people "telah melalui proses cleansing". A line
 * never sent (no result at all) is listed.
 */
export const DROPPED_STATUSES = ['rejected', 'returned', 'cancelled'] as const;
/** The BPJS results a line is listed with: none yet (never sent), or accepted. */
export const LISTED_BPJS_RESULTS = ['accepted'] as const;

export function stillProposed<T extends { status?: string | null; bpjsResult?: string | null }>(cases: T[]): T[] {
  return cases.filter((c) => !(DROPPED_STATUSES as readonly string[]).includes(c.status ?? '') && (c.bpjsResult == null || (LISTED_BPJS_RESULTS as readonly string[]).includes(c.bpjsResult)));
}
