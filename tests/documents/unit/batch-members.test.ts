/** Who a batch's letters and BNBA list (pure rule). */
import { stillProposed } from '../../../cms/src/domain/batch-members';

const line = (code: string, status: string, bpjsResult: string | null) => ({ code, status, bpjsResult });

test('before BPJS answers: every proposal still standing (not rejected, returned or cancelled)', () => {
  const lines = [line('a', 'in-progress', null), line('b', 'waiting', 'pending'), line('c', 'returned', null), line('d', 'cancelled', null)];
  expect(stillProposed(lines).map((l) => l.code)).toEqual(['a', 'b']);
});

test('once BPJS has answered for any line: only those it accepted', () => {
  const lines = [line('a', 'completed', 'accepted'), line('b', 'rejected', 'rejected'), line('c', 'completed', 'already-member'), line('d', 'waiting', 'pending'), line('e', 'in-progress', null)];
  expect(stillProposed(lines).map((l) => l.code)).toEqual(['a']);
});
