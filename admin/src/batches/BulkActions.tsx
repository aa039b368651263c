import { Button } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { api } from '../common/api';
import { useMe } from '../common/useMe';
import { errorMessage } from '../common/errors';

interface SelectedBatch {
  id: string;
  code: string;
  level: string;
  status: string;
}

/** Bulk actions on selected batches: send the office recaps to BPJS, queue their exports. */
export const BatchBulkActions = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselect = useUnselectAll('batches');
  const me = useMe();
  const { selectedIds, data = [] } = useListContext<SelectedBatch>();
  const [busy, setBusy] = useState(false);
  const selected = data.filter((b) => selectedIds.includes(b.id));

  const each = async (label: string, run: (b: SelectedBatch) => Promise<unknown>) => {
    setBusy(true);
    let ok = 0;
    const failed: string[] = [];
    for (const b of selected) {
      try {
        await run(b);
        ok += 1;
      } catch (e) {
        failed.push(`${b.code}: ${errorMessage(e)}`);
      }
    }
    setBusy(false);
    notify(failed.length ? `${translate(label, { smart_count: ok })} — ${failed.join('; ')}` : label, { type: failed.length ? 'warning' : 'success', messageArgs: { smart_count: ok } });
    unselect();
    refresh();
  };

  const office = me?.role.scope === 'office';
  return (
    <>
      {office && (
        <Button size="small" disabled={busy} onClick={() => void each('batches.bulkSent', (b) => api(`/batches/${b.id}/actions/send`, { method: 'POST' }))}>
          {translate('batches.send')}
        </Button>
      )}
      <Button size="small" disabled={busy} onClick={() => void each('batches.bulkExported', (b) => api('/exports', { json: { kind: 'batch-recap', batch: b.id, level: b.level, format: 'xlsx' } }))}>
        {translate('batches.exportXlsx')}
      </Button>
    </>
  );
};
