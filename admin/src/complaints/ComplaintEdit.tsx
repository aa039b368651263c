import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Edit, FunctionField, Labeled, ReferenceInput, SaveButton, SelectInput, SimpleForm, TextField, TextInput, Toolbar, AutocompleteInput, useTranslate, required } from 'react-admin';
import { COMPLAINT_STATUSES } from './ComplaintList';
import { SlaChip } from './SlaChip';
import type { Complaint } from './complaint';
import { OfficeDateField } from '../common/OfficeDateField';

const ReplyToolbar = () => (
  <Toolbar>
    <SaveButton label="complaints.sendReply" />
  </Toolbar>
);

/** A complaint and its reply: writing a reply marks it answered (the server stamps repliedAt). */
export const ComplaintEdit = () => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<ReplyToolbar />}>
        <Card variant="outlined" sx={{ width: '100%', mb: 2 }}>
          <CardContent>
            <Stack sx={{ flexWrap: 'wrap' }} direction="row" spacing={3} useFlexGap>
              <Labeled source="trackingCode">
                <TextField source="trackingCode" />
              </Labeled>
              <Labeled source="receivedAt">
                <OfficeDateField source="receivedAt" showTime />
              </Labeled>
              <Labeled source="dueAt">
                <OfficeDateField source="dueAt" showTime />
              </Labeled>
              <Labeled label="complaints.slaLabel">
                <SlaChip />
              </Labeled>
              <Labeled source="channel">
                <FunctionField<Complaint> source="channel" render={(r) => translate(`complaints.channel.${r.channel}`, { _: r.channel })} />
              </Labeled>
              <Labeled source="reporterName">
                <FunctionField<Complaint> source="reporterName" render={(r) => (r.anonymous ? translate('complaints.anonymous') : (r.reporterName ?? '-'))} />
              </Labeled>
              <Labeled source="contact">
                <TextField source="contact" emptyText="-" />
              </Labeled>
            </Stack>
            <Box sx={{ mt: 2 }}>
              <Typography variant="subtitle2">{translate('resources.complaints.fields.text')}</Typography>
              <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }}>
                <FunctionField<Complaint> source="text" render={(r) => r.text} />
              </Typography>
            </Box>
          </CardContent>
        </Card>
        <ReferenceInput source="service" reference="service-standards">
          <AutocompleteInput optionText="title" />
        </ReferenceInput>
        <SelectInput source="status" choices={COMPLAINT_STATUSES.map((s) => ({ id: s, name: translate(`complaints.status.${s}`) }))} validate={required()} />
        <TextInput source="reply" multiline minRows={4} fullWidth />
        <Labeled source="repliedAt">
          <OfficeDateField source="repliedAt" showTime />
        </Labeled>
      </SimpleForm>
    </Edit>
  );
};
