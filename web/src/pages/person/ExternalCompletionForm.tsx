// Training staff record training a person completed elsewhere (college coursework, another
// provider), with its evidence; naming one of the program's courses checks the date against that
// course's approval term. The server's reasons show next to the fields.
import { Alert, Button, Checkbox, FileInput, Group, NumberInput, Progress, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldReasons, RefusalAlert } from '../../components/Refusal';
import { contentTypeOf, readFileAsBase64 } from '../../files';
import { COURSE_KIND_LABELS, todayInNc } from '../../format';
import { graphql } from '../../gql';
import type { CourseKind } from '../../gql/graphql';

const RecordExternalMutation = graphql(`
  mutation RecordExternalTrainingCompletion($input: RecordExternalTrainingCompletionInput!) {
    recordExternalTrainingCompletion(input: $input) { id courseTitle kind hours completedOn source provider countsTowardCertification }
  }
`);

const PLACED = ['courseTitle', 'kind', 'hours', 'completedOn', 'provider', 'evidence'];

export function ExternalCompletionForm({ personId, onRecorded }: { personId: string; onRecorded: () => void }) {
  const [state, record] = useMutation(RecordExternalMutation);
  const [courseTitle, setCourseTitle] = useState('');
  const [kind, setKind] = useState<CourseKind | null>('ELECTIVE');
  const [hours, setHours] = useState<number | ''>('');
  const [completedOn, setCompletedOn] = useState('');
  const [provider, setProvider] = useState('');
  const [childAndFamily, setChildAndFamily] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  const server = fieldReasons(state.error);
  const reason = (field: string) => [local[field], server.reasonsFor(field)].filter(Boolean).join('; ') || undefined;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const problems: Record<string, string> = {};
    if (!file) problems['evidence'] = 'attach the certificate or transcript';
    if (hours === '') problems['hours'] = 'enter the hours';
    if (!completedOn) problems['completedOn'] = 'enter the date';
    if (!kind) problems['kind'] = 'choose a kind';
    setLocal(problems);
    if (Object.keys(problems).length || !file || hours === '' || !kind) return;
    setReading(0);
    const contentBase64 = await readFileAsBase64(file, (f) => setReading(Math.round(f * 100)));
    setReading(null);
    const res = await record({
      input: { personId, courseTitle, kind, hours, completedOn, provider, childAndFamily, evidence: { fileName: file.name, contentType: contentTypeOf(file), contentBase64 } },
    });
    if (res.data) {
      setDone(`Recorded ${res.data.recordExternalTrainingCompletion.courseTitle} (${res.data.recordExternalTrainingCompletion.hours} hours).`);
      setCourseTitle('');
      setHours('');
      setProvider('');
      setFile(null);
      onRecorded();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Record training completed elsewhere" data-testid="external-completion-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Course or class" value={courseTitle} onChange={(e) => setCourseTitle(e.currentTarget.value)} error={reason('courseTitle')} required />
          <TextInput label="Provider" description="College, agency or other provider" value={provider} onChange={(e) => setProvider(e.currentTarget.value)} error={reason('provider')} required />
          <Select
            label="Kind"
            data={Object.entries(COURSE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(v) => setKind(v as CourseKind | null)}
            error={reason('kind')}
            allowDeselect={false}
            required
          />
          <NumberInput label="Hours" min={0.25} step={0.25} value={hours} onChange={(v) => setHours(typeof v === 'number' ? v : '')} error={reason('hours')} required />
          <TextInput type="date" label="Completed on" max={todayInNc()} value={completedOn} onChange={(e) => setCompletedOn(e.currentTarget.value)} error={reason('completedOn')} required />
          <FileInput label="Evidence" description="Certificate or transcript: PDF, Word or an image" value={file} onChange={setFile} error={reason('evidence')} clearable required />
        </SimpleGrid>
        <Checkbox label="About children and families" checked={childAndFamily} onChange={(e) => setChildAndFamily(e.currentTarget.checked)} />
        {reading !== null && <Progress value={reading} aria-label="Reading the file" />}
        <RefusalAlert error={state.error} title="Could not record the training" placed={PLACED} what="this record" />
        {done && (
          <Alert color="teal" role="status" data-testid="external-completion-done">
            {done}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={state.fetching || reading !== null}>
            Record training
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
