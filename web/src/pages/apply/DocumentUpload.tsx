// One upload to an application: the file is read in the browser (progress as it reads), sent
// base64 inside the mutation (progress while it is on its way), and the server's reason shown
// next to the file when it refuses it (wrong type, too large, empty).
import { Alert, Button, FileInput, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { fieldProblems } from '../../graphql';
import { UploadDocumentMutation } from './documents';
import { DOCUMENT_PURPOSE_LABELS, formatBytes, readAsBase64 } from './model';
import { RefusalAlert, reasonsFor } from './serverErrors';
import { ACTION, GOOD, MUTED } from './ui';

export interface UploadedDocument {
  id: string;
  purpose: string;
  fileName: string;
}

type Phase = { kind: 'idle' } | { kind: 'reading'; percent: number } | { kind: 'sending' } | { kind: 'done'; fileName: string };

export function DocumentUpload({
  applicationId,
  purposes,
  label,
  description,
  onUploaded,
  testId = 'document-upload',
}: {
  applicationId: string;
  /** The purposes offered; with one, no choice is shown. */
  purposes: readonly string[];
  label: string;
  description?: string;
  onUploaded?: (doc: UploadedDocument) => void | Promise<void>;
  testId?: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState<string>(purposes[0] ?? 'OTHER');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<CombinedError | undefined>();
  const [readError, setReadError] = useState<string | undefined>();
  const [, upload] = useMutation(UploadDocumentMutation);
  const progressId = useId();

  const busy = phase.kind === 'reading' || phase.kind === 'sending';
  const problems = fieldProblems(error);
  const fileReason = reasonsFor(problems, 'file');

  async function send() {
    if (!file) return;
    setError(undefined);
    setReadError(undefined);
    setPhase({ kind: 'reading', percent: 0 });
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(file, (percent) => setPhase({ kind: 'reading', percent }));
    } catch {
      setPhase({ kind: 'idle' });
      setReadError('The browser could not read this file; choose it again.');
      return;
    }
    setPhase({ kind: 'sending' });
    const res = await upload({
      input: { applicationId, purpose, file: { fileName: file.name, contentType: file.type || 'application/octet-stream', contentBase64 } },
    });
    if (res.error || !res.data) {
      setPhase({ kind: 'idle' });
      setError(res.error);
      return;
    }
    const doc = res.data.uploadApplicationDocument;
    setPhase({ kind: 'done', fileName: doc.fileName });
    setFile(null);
    await onUploaded?.(doc);
  }

  return (
    <Stack gap="xs" data-testid={testId}>
      <Group align="flex-end" wrap="wrap">
        {purposes.length > 1 && (
          <Select
            label="What is it?"
            data={purposes.map((p) => ({ value: p, label: DOCUMENT_PURPOSE_LABELS[p] ?? p }))}
            value={purpose}
            onChange={(v) => v && setPurpose(v)}
            allowDeselect={false}
            w={240}
          />
        )}
        <FileInput
          label={label}
          description={description ?? 'PDF, image or Word, at most 10 MB'}
          placeholder="Choose a file"
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(undefined);
            if (phase.kind === 'done') setPhase({ kind: 'idle' });
          }}
          error={fileReason ?? readError}
          errorProps={{ 'data-testid': `${testId}-error` }}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
          w={320}
          disabled={busy}
        />
        <Button color={ACTION} onClick={send} disabled={!file || busy} loading={busy}>
          Upload
        </Button>
      </Group>
      {file && !busy && <Text size="xs" c={MUTED}>{`${file.name}, ${formatBytes(file.size)}`}</Text>}
      {busy && (
        <div>
          <Text size="sm" id={progressId}>
            {phase.kind === 'reading' ? `Reading the file… ${phase.percent}%` : 'Sending the file to the program…'}
          </Text>
          <Progress
            aria-labelledby={progressId}
            value={phase.kind === 'reading' ? phase.percent / 2 : 100}
            striped={phase.kind === 'sending'}
            animated={phase.kind === 'sending'}
            data-testid={`${testId}-progress`}
          />
        </div>
      )}
      {phase.kind === 'done' && (
        <Alert color={GOOD} variant="light" role="status" data-testid={`${testId}-done`}>
          {`Uploaded ${phase.fileName}.`}
        </Alert>
      )}
      {error && !fileReason && <RefusalAlert error={error} title="The file was not accepted" placed={['file']} />}
    </Stack>
  );
}
