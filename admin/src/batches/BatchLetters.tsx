import { Button, Stack, Typography } from '@mui/material';
import { useGetList, useNotify, useTranslate } from 'react-admin';
import { downloadUrl } from '../common/api';
import { useOfficeDate } from '../common/OfficeDateField';
import { errorMessage } from '../common/errors';

/** Letters made for a batch (e.g. the PBI-D request to Dinkes), each printable as a PDF. */
export const BatchLetters = ({ batchId }: { batchId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const format = useOfficeDate();
  const { data = [] } = useGetList('letters', { filter: { batch: batchId }, pagination: { page: 1, perPage: 20 }, sort: { field: 'createdAt', order: 'DESC' } });
  if (!data.length) return null;
  return (
    <Stack spacing={1} data-testid="batch-letters">
      <Typography variant="h6">{translate('batches.letters')}</Typography>
      {data.map((l) => (
        <Stack key={l.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2">
            {l.number ?? translate('batches.letterDraft')} · {l.subject} · {translate(`batches.letterStatus.${l.status}`, { _: l.status })} · {format(l.date ?? l.createdAt)}
          </Typography>
          <Button
            size="small"
            variant="outlined"
            data-testid="batch-letter-pdf"
            onClick={() =>
              void downloadUrl(`/api/documents/letters/${l.id}/pdf`, `surat-${String(l.number ?? l.id).replace(/[^\w.-]+/g, '-')}.pdf`).catch((e) => notify(errorMessage(e), { type: 'error' }))
            }
          >
            {translate('batches.printLetter')}
          </Button>
        </Stack>
      ))}
    </Stack>
  );
};
