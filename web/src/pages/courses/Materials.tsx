// A submission's materials: the four every submission needs (instructor manual, participant
// manual, daily agenda, TOT manual) and any others. Word, PowerPoint or PDF only, checked by the
// server from the file's bytes; its reason shows under the upload that it refused. Each upload
// shows its progress (reading the file, then sending it) and files can be downloaded again.
import { Badge, Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { ErrorAlert } from '../../components/Status';
import { errorCode, fieldProblems, isUnauthenticated } from '../../graphql';
import type { CourseMaterialKind } from '../../gql/graphql';
import { useSession } from '../../session';
import { CourseMaterialFileQuery, UploadMaterialMutation } from './documents';
import { BAD, formatBytes, GOOD, MATERIAL_KINDS, MATERIAL_LABELS, MutationError, PRIMARY, REQUIRED_MATERIALS, LINK } from './shared';
import { contentTypeOf, readFileAsBase64, sendWithProgress, type UploadPhase } from './upload';

export interface MaterialShape {
  id: string;
  kind: CourseMaterialKind;
  fileName: string;
  format: string;
  sizeBytes: number;
  attempt: number;
  uploadedAt: string;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const ACCEPT = '.pdf,.doc,.docx,.ppt,.pptx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.ms-powerpoint,application/vnd.openxmlformats-officedocument.presentationml.presentation';

export function MaterialsPanel({
  submissionId,
  materials,
  editable,
  onUploaded,
}: {
  submissionId: string | null;
  materials: readonly MaterialShape[];
  editable: boolean;
  onUploaded: () => void;
}) {
  return (
    <Stack gap="md" data-testid="materials">
      <Text size="sm">Word, PowerPoint or PDF files. The instructor manual, participant manual, daily agenda and TOT manual are required; add any other materials as “Other”.</Text>
      {MATERIAL_KINDS.map((kind) => (
        <MaterialKindRow
          key={kind}
          kind={kind}
          submissionId={submissionId}
          materials={materials.filter((m) => m.kind === kind)}
          editable={editable}
          onUploaded={onUploaded}
        />
      ))}
    </Stack>
  );
}

function MaterialKindRow({
  kind,
  submissionId,
  materials,
  editable,
  onUploaded,
}: {
  kind: CourseMaterialKind;
  submissionId: string | null;
  materials: readonly MaterialShape[];
  editable: boolean;
  onUploaded: () => void;
}) {
  const { expire } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<CombinedError | undefined>();
  const [readError, setReadError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const required = REQUIRED_MATERIALS.includes(kind);
  const id = `material-${kind.toLowerCase()}`;

  async function upload(chosen: File | null) {
    setFile(chosen);
    setError(undefined);
    setReadError(null);
    setDone(null);
    if (!chosen || !submissionId) return;
    try {
      setPhase('reading');
      setProgress(0);
      const contentBase64 = await readFileAsBase64(chosen, (f) => setProgress(f * 100));
      setPhase('sending');
      setProgress(0);
      const r = await sendWithProgress(
        UploadMaterialMutation,
        { input: { submissionId, kind, document: { fileName: chosen.name, contentType: contentTypeOf(chosen), contentBase64 } } },
        (f) => setProgress(f * 100),
      );
      if (r.error) {
        if (isUnauthenticated(r.error)) expire();
        setError(r.error);
      } else {
        setDone(chosen.name);
        setFile(null);
        onUploaded();
      }
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err));
    } finally {
      setPhase(null);
    }
  }

  const problems = fieldProblems(error);
  const reasons = problems.filter((p) => p.field.startsWith('document') || p.field === 'kind').map((p) => p.reason);
  const fieldError = reasons.length > 0 || readError ? <span data-testid={`${id}-error`}>{[...reasons, ...(readError ? [readError] : [])].join('; ')}</span> : undefined;
  const otherError = error && (errorCode(error) !== 'BAD_USER_INPUT' || reasons.length === 0) ? error : undefined;

  return (
    <div data-testid={id}>
      <Group gap="xs" mb={4}>
        <Text fw={600} size="sm">
          {MATERIAL_LABELS[kind]}
        </Text>
        {required ? (
          materials.length > 0 ? (
            <Badge color={GOOD} variant="filled" data-testid={`${id}-state`}>
              Uploaded
            </Badge>
          ) : (
            <Badge color={BAD} variant="filled" data-testid={`${id}-state`}>
              Required, missing
            </Badge>
          )
        ) : (
          <Badge color="gray.7" variant="filled">
            Optional
          </Badge>
        )}
      </Group>
      {materials.length > 0 && <MaterialFiles materials={materials} />}
      {editable && (
        <>
          <FileInput
            id={id}
            label={`Upload ${lowerFirst(MATERIAL_LABELS[kind])}`}
            placeholder={submissionId ? 'Choose a Word, PowerPoint or PDF file' : 'Save the agenda and crosswalk first'}
            accept={ACCEPT}
            value={file}
            onChange={upload}
            disabled={!submissionId || phase !== null}
            error={fieldError}
            clearable={false}
            maw={520}
            fileInputProps={{ 'aria-label': `File for ${lowerFirst(MATERIAL_LABELS[kind])}`, 'data-testid': `${id}-input` } as never}
          />
          {phase && (
            <Stack gap={2} mt={4} maw={520}>
              <Text size="xs" role="status">
                {phase === 'reading' ? 'Reading the file' : 'Sending'} · {Math.round(progress)}%
              </Text>
              <Progress value={progress} color={PRIMARY} animated aria-label={`Upload of ${lowerFirst(MATERIAL_LABELS[kind])}`} />
            </Stack>
          )}
          {done && (
            <Text size="sm" role="status" data-testid={`${id}-done`}>
              Uploaded {done}.
            </Text>
          )}
          {otherError && <MutationError error={otherError} what="The file was not uploaded" onReload={onUploaded} />}
        </>
      )}
    </div>
  );
}

function MaterialFiles({ materials }: { materials: readonly MaterialShape[] }) {
  return (
    <Table.ScrollContainer minWidth={480} type="native">
      <Table withTableBorder aria-label="Uploaded files" data-testid="material-files">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">File</Table.Th>
            <Table.Th scope="col">Format</Table.Th>
            <Table.Th scope="col">Size</Table.Th>
            <Table.Th scope="col">Attempt</Table.Th>
            <Table.Th scope="col">Uploaded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {materials.map((m) => (
            <Table.Tr key={m.id} data-testid="material-file">
              <Table.Td>
                <DownloadButton id={m.id} fileName={m.fileName} />
              </Table.Td>
              <Table.Td>{m.format}</Table.Td>
              <Table.Td>{formatBytes(m.sizeBytes)}</Table.Td>
              <Table.Td>{m.attempt}</Table.Td>
              <Table.Td>
                <time dateTime={m.uploadedAt}>{new Date(m.uploadedAt).toLocaleString()}</time>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const MIME_BY_FORMAT: Record<string, string> = {
  PDF: 'application/pdf',
  WORD: 'application/octet-stream',
  POWERPOINT: 'application/octet-stream',
};

/** Fetches the file's bytes only when asked, then hands them to the browser as a download. */
export function DownloadButton({ id, fileName }: { id: string; fileName: string }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  async function download() {
    setBusy(true);
    setError(undefined);
    const r = await client.query(CourseMaterialFileQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (r.error || !r.data) return setError(r.error);
    const f = r.data.courseMaterialFile;
    const bytes = Uint8Array.from(atob(f.contentBase64), (ch) => ch.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: MIME_BY_FORMAT[f.format] ?? 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = f.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <>
      <Button variant="subtle" color={LINK} size="compact-sm" onClick={download} loading={busy} aria-label={`Download ${fileName}`}>
        {fileName}
      </Button>
      {error && <ErrorAlert error={error} title="Could not download the file" />}
    </>
  );
}
