/**
 * Who a batch's outgoing documents list (the request to Dinkes, the SK's BNBA, the BNBA export):
 * the proposals still standing, and once BPJS's cleansing result is in for any line, only those
 * BPJS accepted: these documents say the people "telah melalui proses cleansing".
 */
export const DROPPED_STATUSES = ['rejected', 'returned', 'cancelled'] as const;
export const REFUSED_BY_BPJS = ['rejected', 'already-member'] as const;

/** Whether any line carries BPJS's answer (not just "pending"). */
export const isCleansed = (cases: { bpjsResult?: string | null }[]) => cases.some((c) => !!c.bpjsResult && c.bpjsResult !== 'pending');

export function stillProposed<T extends { status?: string | null; bpjsResult?: string | null }>(cases: T[]): T[] {
  const cleansed = isCleansed(cases);
  return cases.filter(
    (c) =>
      !(DROPPED_STATUSES as readonly string[]).includes(c.status ?? '') &&
      !(REFUSED_BY_BPJS as readonly string[]).includes(c.bpjsResult ?? '') &&
      (!cleansed || c.bpjsResult === 'accepted'),
  );
}
