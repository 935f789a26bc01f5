// The developer's half of a submission: the daily agenda (day 0 is pre-work; it must total the
// course's hours) and the crosswalk, concept by concept across the 9 standards domains: which
// material teaches it, where (module/page) and in which agenda block. The server checks both and
// its reasons land next to the agenda total, the agenda row or the concept they name.
import { ActionIcon, Alert, Autocomplete, Badge, Button, Fieldset, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { memo, useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { formatHours } from '../../format';
import { fieldProblems } from '../../graphql';
import type { CourseMaterialKind, CourseSubmissionPurpose } from '../../gql/graphql';
import { CreateSubmissionMutation, UpdateSubmissionMutation } from './documents';
import { BAD, GOOD, MATERIAL_KINDS, MATERIAL_LABELS, MutationError, PRIMARY, reasonsFor, totalHours } from './shared';

export interface StandardsShape {
  version: string;
  domains: readonly { id: string; number: number; name: string; coreConcepts: readonly { id: string; code: string; statement: string }[] }[];
}

export interface FindingShape {
  conceptId: string;
  met: boolean;
  comment: string;
  attempt: number;
}

interface AgendaRow {
  key: number;
  day: number | '';
  title: string;
  hours: number | '';
}

interface CrosswalkRow {
  material: CourseMaterialKind;
  location: string;
  agendaBlock: string;
}

export type EditorMode = { kind: 'create'; courseId: string; purpose: CourseSubmissionPurpose } | { kind: 'update'; submissionId: string; version: number };

let nextKey = 1;
const round = (n: number) => Math.round(n * 100) / 100;

export function agendaBlockName(day: number, title: string): string {
  return day === 0 ? `Pre-work: ${title}` : `Day ${day}: ${title}`;
}

export function ContentEditor({
  course,
  standards,
  agenda,
  crosswalk,
  findings,
  mode,
  onSaved,
  onReload,
}: {
  course: { faceToFaceHours: number; preWorkHours: number };
  standards: StandardsShape;
  agenda: readonly { day: number; title: string; hours: number }[];
  crosswalk: readonly { conceptId: string; material: CourseMaterialKind; location: string; agendaBlock: string }[];
  /** The review team's findings of the attempt being answered, by concept. */
  findings: ReadonlyMap<string, FindingShape>;
  mode: EditorMode;
  onSaved: () => void;
  onReload: () => void;
}) {
  const concepts = useMemo(() => standards.domains.flatMap((d) => d.coreConcepts), [standards]);
  // A new submission is saved whole (the server wants every concept), so until then the work is
  // kept in this browser and restored if the developer leaves and comes back.
  const draftKey = mode.kind === 'create' ? `cpss.course-submission-draft.${mode.courseId}` : null;
  const [restored] = useState(() => (draftKey ? readDraft(draftKey) : null));
  const [rows, setRows] = useState<AgendaRow[]>(() =>
    restored
      ? restored.rows.map((r) => ({ ...r, key: nextKey++ }))
      : agenda.length > 0
        ? agenda.map((a) => ({ key: nextKey++, day: a.day, title: a.title, hours: a.hours }))
        : [
            ...(course.preWorkHours > 0 ? [{ key: nextKey++, day: 0, title: '', hours: course.preWorkHours } as AgendaRow] : []),
            { key: nextKey++, day: 1, title: '', hours: '' },
          ],
  );
  const [walk, setWalk] = useState<Record<string, CrosswalkRow>>(() => {
    const byConcept = new Map(crosswalk.map((c) => [c.conceptId, c]));
    return Object.fromEntries(
      concepts.map((c) => {
        const had = restored?.walk[c.id] ?? byConcept.get(c.id);
        return [c.id, { material: had?.material ?? 'INSTRUCTOR_MANUAL', location: had?.location ?? '', agendaBlock: had?.agendaBlock ?? '' }];
      }),
    );
  });
  const draftJson = draftKey ? JSON.stringify({ rows: rows.map(({ day, title, hours }) => ({ day, title, hours })), walk }) : '';
  // What the form held when it opened: nothing worth keeping until it differs.
  const [initialJson] = useState(draftJson);
  useEffect(() => {
    if (!draftKey || draftJson === initialJson) return;
    try {
      localStorage.setItem(draftKey, draftJson);
    } catch {
      // Storage full or disabled: the draft just isn't kept.
    }
  }, [draftKey, draftJson, initialJson]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [creating, create] = useMutation(CreateSubmissionMutation);
  const [updating, update] = useMutation(UpdateSubmissionMutation);
  const error: CombinedError | undefined = mode.kind === 'create' ? creating.error : updating.error;
  const busy = creating.fetching || updating.fetching;
  const problems = fieldProblems(error);

  const courseTotal = totalHours(course);
  const agendaTotal = round(rows.reduce((s, r) => s + (Number(r.hours) || 0), 0));
  const preWorkTotal = round(rows.filter((r) => r.day === 0).reduce((s, r) => s + (Number(r.hours) || 0), 0));
  const totalsMatch = agendaTotal === courseTotal && preWorkTotal === round(course.preWorkHours);
  // One array per distinct list of names, so the memoized concept rows re-render only when it changes.
  const blockKey = [...new Set(rows.filter((r) => r.title.trim() && r.day !== '').map((r) => agendaBlockName(Number(r.day), r.title.trim())))].join('\n');
  const blockNames = useMemo(() => (blockKey ? blockKey.split('\n') : []), [blockKey]);
  const filled = (id: string) => Boolean(walk[id]?.location.trim() && walk[id]?.agendaBlock.trim());

  const setRow = (key: number, patch: Partial<AgendaRow>) => {
    setSaved(false);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const setConcept = useCallback((id: string, patch: Partial<CrosswalkRow>) => {
    setSaved(false);
    setWalk((w) => ({ ...w, [id]: { ...w[id]!, ...patch } }));
  }, []);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (r.day === '') local[`agenda.${i}.day`] = 'Enter the day (0 for pre-work)';
      if (r.hours === '') local[`agenda.${i}.hours`] = 'Enter the hours';
    });
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const agendaIn = rows.map((r) => ({ day: Number(r.day), title: r.title.trim(), hours: Number(r.hours) }));
    // Every concept, in the standards' order: the server's `crosswalk.<i>` errors index this list.
    const crosswalkIn = concepts.map((c) => ({ conceptId: c.id, material: walk[c.id]!.material, location: walk[c.id]!.location.trim(), agendaBlock: walk[c.id]!.agendaBlock.trim() }));
    const r =
      mode.kind === 'create'
        ? await create({ input: { courseId: mode.courseId, purpose: mode.purpose, agenda: agendaIn, crosswalk: crosswalkIn } })
        : await update({ input: { submissionId: mode.submissionId, expectedVersion: mode.version, agenda: agendaIn, crosswalk: crosswalkIn } });
    if (!r.error) {
      if (draftKey) localStorage.removeItem(draftKey);
      setSaved(true);
      onSaved();
    }
  }

  const agendaReasons = [...problems.filter((p) => p.field === 'agenda').map((p) => p.reason)];
  const crosswalkReasons = problems.filter((p) => p.field === 'crosswalk').map((p) => p.reason);
  const rowError = (i: number, field: string) => {
    const list = [...(localErrors[`agenda.${i}.${field}`] ? [localErrors[`agenda.${i}.${field}`]!] : []), ...reasonsFor(problems, `agenda.${i}.${field}`)];
    return list.length ? list.join('; ') : undefined;
  };
  const conceptReason = (i: number, field: string) => reasonsFor(problems, `crosswalk.${i}.${field}`).join('; ') || undefined;

  return (
    <form onSubmit={save} noValidate aria-busy={busy} data-testid="content-editor">
      <Stack gap="lg">
        <MutationError
          error={error}
          what={mode.kind === 'create' ? 'The submission was not started' : 'The agenda and crosswalk were not saved'}
          onReload={onReload}
          placedFields={['agenda', 'crosswalk']}
          testId="content-error"
        />

        {restored && (
          <Text size="sm" role="status" data-testid="draft-restored">
            Your unsaved work on this submission was restored from this browser.
          </Text>
        )}

        <Fieldset legend="Daily agenda" data-testid="agenda-editor">
          <Text size="sm" mb="sm">
            One block per line; day 0 is the pre-work. The blocks must add up to the course&apos;s {formatHours(courseTotal)} hours ({formatHours(course.faceToFaceHours)} face-to-face +{' '}
            {formatHours(course.preWorkHours)} pre-work).
          </Text>
          <Stack gap="xs">
            {rows.map((r, i) => (
              <Group key={r.key} align="flex-start" gap="sm" wrap="wrap" data-testid="agenda-row">
                <NumberInput
                  label={
                    <>
                      Day<VisuallyHidden> of block {i + 1}</VisuallyHidden>
                    </>
                  }
                  w={90}
                  min={0}
                  max={30}
                  allowDecimal={false}
                  value={r.day}
                  onChange={(v) => setRow(r.key, { day: v === '' ? '' : Number(v) })}
                  error={rowError(i, 'day')}
                />
                <TextInput
                  label={
                    <>
                      Block title<VisuallyHidden> {i + 1}</VisuallyHidden>
                    </>
                  }
                  style={{ flex: '1 1 220px' }}
                  value={r.title}
                  onChange={(e) => setRow(r.key, { title: e.currentTarget.value })}
                  error={rowError(i, 'title')}
                  maxLength={200}
                />
                <NumberInput
                  label={
                    <>
                      Hours<VisuallyHidden> of block {i + 1}</VisuallyHidden>
                    </>
                  }
                  w={110}
                  min={0.25}
                  max={24}
                  step={0.25}
                  decimalScale={2}
                  value={r.hours}
                  onChange={(v) => setRow(r.key, { hours: v === '' ? '' : Number(v) })}
                  error={rowError(i, 'hours')}
                />
                <ActionIcon
                  mt={26}
                  variant="outline"
                  color={BAD}
                  size="lg"
                  aria-label={`Remove agenda block ${i + 1}`}
                  disabled={rows.length <= 1}
                  onClick={() => {
                    setSaved(false);
                    setRows((rs) => rs.filter((x) => x.key !== r.key));
                  }}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Group mt="sm" justify="space-between" wrap="wrap">
            <Button
              variant="outline"
              color={PRIMARY}
              onClick={() => {
                const lastDay = rows.reduce((m, r) => Math.max(m, Number(r.day) || 0), 0);
                setRows((rs) => [...rs, { key: nextKey++, day: Math.max(1, lastDay), title: '', hours: '' }]);
              }}
            >
              Add agenda block
            </Button>
            <Text size="sm" role="status" data-testid="agenda-total">
              Agenda total: {formatHours(agendaTotal)} of {formatHours(courseTotal)} hours (pre-work {formatHours(preWorkTotal)} of {formatHours(course.preWorkHours)}){' '}
              <Badge color={totalsMatch ? GOOD : BAD} variant="filled">
                {totalsMatch ? 'Matches the course' : 'Does not match yet'}
              </Badge>
            </Text>
          </Group>
          {agendaReasons.length > 0 && (
            <Text c={BAD} size="sm" mt="xs" id="agenda-error" data-testid="agenda-error">
              {agendaReasons.join('; ')}
            </Text>
          )}
        </Fieldset>

        <Fieldset legend={`Crosswalk against the training standards (${standards.version})`} data-testid="crosswalk-editor">
          <Text size="sm" mb="sm">
            For every core concept of the 9 domains, say which material teaches it, where (module and/or page) and in which agenda block.{' '}
            <strong data-testid="crosswalk-progress">
              {concepts.filter((c) => filled(c.id)).length} of {concepts.length} concepts filled
            </strong>
            .
          </Text>
          {crosswalkReasons.length > 0 && (
            <Alert color={BAD} variant="outline" mb="sm" data-testid="crosswalk-error">
              {crosswalkReasons.join('; ')}
            </Alert>
          )}
          <Stack gap="md">
            {standards.domains.map((d) => (
              <Fieldset key={d.id} legend={`Domain ${d.number}: ${d.name}`} variant="filled" data-testid={`crosswalk-domain-${d.number}`}>
                <Stack gap="sm">
                  {d.coreConcepts.map((c) => {
                    const i = concepts.findIndex((x) => x.id === c.id);
                    return (
                      <ConceptRow
                        key={c.id}
                        concept={c}
                        row={walk[c.id]!}
                        finding={findings.get(c.id)}
                        blockNames={blockNames}
                        conceptIdError={conceptReason(i, 'conceptId')}
                        materialError={conceptReason(i, 'material')}
                        locationError={conceptReason(i, 'location')}
                        agendaBlockError={conceptReason(i, 'agendaBlock')}
                        onChange={setConcept}
                      />
                    );
                  })}
                </Stack>
              </Fieldset>
            ))}
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" color={PRIMARY} loading={busy} data-testid="save-content">
            {mode.kind === 'create' ? 'Save and start the submission' : 'Save agenda and crosswalk'}
          </Button>
          {saved && !error && (
            <Text size="sm" role="status" data-testid="content-saved">
              Saved.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The review team's finding on a concept, beside the concept it is about. */
export function FindingNote({ finding }: { finding: FindingShape }) {
  return (
    <Alert
      mt="xs"
      variant="outline"
      color={finding.met ? GOOD : BAD}
      title={`Reviewer (attempt ${finding.attempt}): ${finding.met ? 'Met' : 'Not met'}`}
      data-testid="concept-finding"
    >
      {finding.comment ? <Text size="sm">{finding.comment}</Text> : <Text size="sm">No comment.</Text>}
    </Alert>
  );
}

const errorNode = (testId: string, reason: string | undefined): ReactNode => (reason ? <span data-testid={testId}>{reason}</span> : undefined);

/** One core concept's crosswalk entry; memoized so typing in one concept re-renders only that one. */
const ConceptRow = memo(function ConceptRow({
  concept: c,
  row,
  finding,
  blockNames,
  conceptIdError,
  materialError,
  locationError,
  agendaBlockError,
  onChange,
}: {
  concept: { id: string; code: string; statement: string };
  row: CrosswalkRow;
  finding: FindingShape | undefined;
  blockNames: string[];
  conceptIdError?: string;
  materialError?: string;
  locationError?: string;
  agendaBlockError?: string;
  onChange: (id: string, patch: Partial<CrosswalkRow>) => void;
}) {
  const filled = Boolean(row.location.trim() && row.agendaBlock.trim());
  return (
    <Paper withBorder p="sm" data-testid={`crosswalk-concept-${c.code}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} size="sm">
          {c.code} {c.statement}
        </Text>
        <Badge color={filled ? GOOD : 'gray.7'} variant="filled" style={{ flexShrink: 0 }}>
          {filled ? 'Filled' : 'To fill'}
        </Badge>
      </Group>
      {finding && <FindingNote finding={finding} />}
      {conceptIdError && (
        <Text c={BAD} size="sm" data-testid={`crosswalk-concept-${c.code}-error`}>
          {conceptIdError}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
        <Select
          label={
            <>
              Material<VisuallyHidden> for {c.code}</VisuallyHidden>
            </>
          }
          data={MATERIAL_OPTIONS}
          value={row.material}
          onChange={(v) => v && onChange(c.id, { material: v as CourseMaterialKind })}
          allowDeselect={false}
          error={errorNode(`crosswalk-${c.code}-material-error`, materialError)}
        />
        <TextInput
          label={
            <>
              Module / page<VisuallyHidden> for {c.code}</VisuallyHidden>
            </>
          }
          value={row.location}
          onChange={(e) => onChange(c.id, { location: e.currentTarget.value })}
          error={errorNode(`crosswalk-${c.code}-location-error`, locationError)}
          maxLength={200}
        />
        <Autocomplete
          label={
            <>
              Agenda block<VisuallyHidden> for {c.code}</VisuallyHidden>
            </>
          }
          data={blockNames}
          value={row.agendaBlock}
          onChange={(v) => onChange(c.id, { agendaBlock: v })}
          error={errorNode(`crosswalk-${c.code}-agenda-block-error`, agendaBlockError)}
          maxLength={200}
        />
      </SimpleGrid>
    </Paper>
  );
});

const MATERIAL_OPTIONS = MATERIAL_KINDS.map((k) => ({ value: k, label: MATERIAL_LABELS[k] }));

interface StoredDraft {
  rows: { day: number | ''; title: string; hours: number | '' }[];
  walk: Record<string, CrosswalkRow>;
}

function readDraft(key: string): StoredDraft | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { rows, walk } = value as Partial<StoredDraft>;
    if (!Array.isArray(rows) || typeof walk !== 'object' || walk === null) return null;
    return { rows, walk };
  } catch {
    return null;
  }
}
