/** Who a batch's letters and BNBA list (pure rule). */
import { stillProposed } from '../../../cms/src/core/batch-members';

const line = (code: string, status: string, bpjsResult: string | null) => ({ code, status, bpjsResult });

test('a batch not sent to BPJS: every proposal still standing (not rejected, returned or cancelled)', () => {
  const lines = [line('a', 'in-progress', null), line('b', 'completed', null), line('c', 'returned', null), line('d', 'cancelled', null)];
  expect(stillProposed(lines).map((l) => l.code)).toEqual(['a', 'b']);
});

test('a batch BPJS is cleansing, results in parts: only the lines it accepted, not those still pending or refused', () => {
  const lines = [
    line('a', 'completed', 'accepted'),
    line('b', 'rejected', 'rejected'),
    line('c', 'completed', 'already-member'),
    line('d', 'waiting', 'pending'),
    line('e', 'in-progress', 'accepted'),
  ];
  expect(stillProposed(lines).map((l) => l.code)).toEqual(['a', 'e']);
});
