import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import { Box, Link, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { openPrivateFile } from '../dataProvider';
import type { CaseView } from './useCaseView';

/**
 * The requirement checklist with each item's file. Files are private: opened through
 * GET /api/panel/cases/:id/files/:fileId with the token (never /uploads). Ticking and uploading
 * are the case's "check" and "attach" actions, offered among the actions when allowed.
 */
export const Checklist = ({ view }: { view: CaseView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const open = (url: string) => {
    const win = window.open('', '_blank');
    openPrivateFile(url, win).catch((err) => {
      win?.close();
      notify(err.message || 'app.download_failed', { type: 'error' });
    });
  };
  const files = [...view.case.attachments.filter((f) => !view.case.checklist.some((i) => i.file?.id === f.id))];
  return (
    <Box>
      <List dense>
        {view.case.checklist.map((i) => (
          <ListItem key={i.key} data-testid={`checklist-${i.key}`} data-checked={i.checked}>
            <ListItemIcon>{i.checked ? <CheckBoxIcon color="success" /> : <CheckBoxOutlineBlankIcon color={i.required ? 'warning' : 'disabled'} />}</ListItemIcon>
            <ListItemText
              primary={`${i.label}${i.required ? '' : ` (${translate('cases.optional')})`}`}
              secondary={
                i.file ? (
                  <Link component="button" onClick={() => open(i.file!.url)}>
                    {translate('cases.show.open_file')}: {i.file.name}
                  </Link>
                ) : null
              }
            />
          </ListItem>
        ))}
        {files.map((f) => (
          <ListItem key={f.id}>
            <ListItemText
              primary={
                <Link component="button" onClick={() => open(f.url)}>
                  {f.name}
                </Link>
              }
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
};
