// The applicant's multi-step form (a first application or a renewal). It saves the draft as you
// go: when you move between steps, and a moment after you stop typing, one save at a time with
// the version the last save returned. The step you were on is remembered on this device, so
// leaving and coming back resumes where you were. Sensitive answers (recovery start date and
// statement) are never logged, put in a URL or stored outside the API.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { courseKindLabel, formatHours } from '../../format';
import type { ApplicantApplicationFieldsFragment, ApplicantRecordQuery } from '../../gql/graphql';
import { fieldProblems, type FieldProblem } from '../../graphql';
import { formatCents } from '../../labels';
import { EligibilityChecklist } from './Checklist';
import { DocumentUpload } from './DocumentUpload';
import { SaveDraftMutation, SubmitApplicationMutation, UpdateProfileMutation } from './documents';
import { useFragment } from '../../gql';
import { ApplicantApplicationFields } from './documents';
import {
  DOCUMENT_PURPOSE_LABELS,
  EDUCATION_PROOF_LABELS,
  draftInput,
  emptyReference,
  emptyTrainingRow,
  formOf,
  formatBytes,
  policyNumbers,
  type DraftForm,
  type ReferenceRow,
  type TrainingLogRow,
} from './model';
import { RefusalAlert, reasonsFor } from './serverErrors';
import { ACTION, GOOD, BAD, INFO, ATTENTION, MUTED } from './ui';

type Me = NonNullable<ApplicantRecordQuery['me']>;
type StepId = 'personal' | 'recovery' | 'training' | 'references' | 'documents' | 'review';

const STEP_LABELS: Record<StepId, { label: string; description: string }> = {
  personal: { label: 'Personal details', description: 'Contact and work history' },
  recovery: { label: 'Recovery', description: 'Lived experience and statement' },
  training: { label: 'Training', description: 'Core course and hours' },
  references: { label: 'References', description: 'Two reference forms' },
  documents: { label: 'Documents', description: 'Proofs and certificates' },
  review: { label: 'Review and submit', description: 'What is missing' },
};

const REFERENCES_REQUIRED = 2;
const AUTOSAVE_MS = 1200;

const blankTraining = (r: TrainingLogRow) => r.topic.trim() === '' && String(r.hours).trim() === '' && r.completedOn === '';
const blankReference = (r: ReferenceRow) => r.name.trim() === '' && r.relation.trim() === '' && String(r.yearsKnown).trim() === '';

/** Blank rows are not sent (they would be refused); the index of a sent row maps errors back. */
function sentIndex<T>(rows: readonly T[], blank: (r: T) => boolean, i: number): number {
  return rows.slice(0, i).filter((r) => !blank(r)).length;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; error: CombinedError };

export function ApplicationForm({
  app,
  me,
  codeOfEthics,
  policyValues,
  lastCertifiedOn,
  onReload,
}: {
  app: ApplicantApplicationFieldsFragment;
  me: Me;
  codeOfEthics: { version: string; title: string } | null;
  policyValues: Record<string, unknown>;
  /** A renewal counts training after this date. */
  lastCertifiedOn?: string | null;
  onReload: () => void;
}) {
  const renewal = app.kind === 'RECERTIFICATION';
  const labels = renewal ? { ...STEP_LABELS, training: { label: 'Training', description: 'Hours since last certified' } } : STEP_LABELS;
  const steps: StepId[] = renewal ? ['training', 'references', 'documents', 'review'] : ['personal', 'recovery', 'training', 'references', 'documents', 'review'];
  const stepKey = `cpss.apply.step.${app.id}`;
  const [active, setActive] = useState(() => {
    const saved = Number(window.localStorage.getItem(stepKey));
    if (window.localStorage.getItem(stepKey) !== null && Number.isInteger(saved) && saved >= 0 && saved < steps.length) return saved;
    // Sent back for missing items: open where it is resubmitted, with the checklist.
    return app.status === 'INCOMPLETE' ? steps.length - 1 : 0;
  });
  const [form, setForm] = useState<DraftForm>(() => {
    const f = formOf(app);
    if (f.references.length === 0) f.references = Array.from({ length: REFERENCES_REQUIRED }, emptyReference);
    return f;
  });
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [, saveDraft] = useMutation(SaveDraftMutation);
  const [submission, submit] = useMutation(SubmitApplicationMutation);
  const policy = policyNumbers(policyValues);

  // The latest form and version, read by saves that run after later keystrokes.
  const formRef = useRef(form);
  formRef.current = form;
  const versionRef = useRef(app.version);
  const dirty = useRef(false);
  const inflight = useRef<Promise<boolean> | null>(null);

  const save = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    if (!dirty.current) return true;
    dirty.current = false;
    const run = (async () => {
      setSaveState({ kind: 'saving' });
      const f = formRef.current;
      const input = draftInput(app.id, versionRef.current, app.kind, {
        ...f,
        trainingLog: f.trainingLog.filter((r) => !blankTraining(r)),
        references: f.references.filter((r) => !blankReference(r)),
      });
      const res = await saveDraft({ input });
      const saved = useFragment(ApplicantApplicationFields, res.data?.saveApplicationDraft);
      if (res.error || !saved) {
        dirty.current = true;
        if (res.error) setSaveState({ kind: 'error', error: res.error });
        return false;
      }
      versionRef.current = saved.version;
      setSaveState({ kind: 'saved', at: new Date() });
      return true;
    })();
    inflight.current = run;
    try {
      return await run;
    } finally {
      inflight.current = null;
    }
  }, [app.id, app.kind, saveDraft]);

  // The application changed elsewhere (another tab, or staff) and was reloaded: take the server's
  // version, and its answers when nothing is unsaved here or the applicant chose to reload.
  const takeServers = useRef(false);
  useEffect(() => {
    // A save of ours in flight brings its own new version: not a change from elsewhere.
    if (inflight.current || app.version <= versionRef.current) return;
    versionRef.current = app.version;
    if (takeServers.current || !dirty.current) {
      takeServers.current = false;
      dirty.current = false;
      const f = formOf(app);
      if (f.references.length === 0) f.references = Array.from({ length: REFERENCES_REQUIRED }, emptyReference);
      setForm(f);
      setSaveState({ kind: 'idle' });
    }
  }, [app]);

  const reloadFromServer = () => {
    takeServers.current = true;
    onReload();
  };

  // Debounced save after typing stops.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [form, save]);

  const change = (patch: Partial<DraftForm>) => {
    dirty.current = true;
    setForm((f) => ({ ...f, ...patch }));
  };

  const goTo = async (index: number) => {
    if (index < 0 || index >= steps.length) return;
    await save();
    setActive(index);
    window.localStorage.setItem(stepKey, String(index));
  };

  const problems = saveState.kind === 'error' ? fieldProblems(saveState.error) : [];

  async function onSubmit() {
    const ok = await save();
    if (!ok) return;
    const res = await submit({ input: { applicationId: app.id, expectedVersion: versionRef.current } });
    const after = useFragment(ApplicantApplicationFields, res.data?.submitApplication);
    if (after) {
      versionRef.current = after.version;
      window.localStorage.removeItem(stepKey);
    }
  }

  const step = steps[active]!;
  const body: Record<StepId, ReactNode> = {
    personal: <PersonalStep me={me} form={form} change={change} problems={problems} />,
    recovery: <RecoveryStep form={form} change={change} problems={problems} recoveryMonths={policy.recoveryMonths} />,
    training: <TrainingStep app={app} me={me} form={form} change={change} problems={problems} policyValues={policyValues} lastCertifiedOn={lastCertifiedOn} />,
    references: <ReferencesStep form={form} change={change} problems={problems} renewal={renewal} />,
    documents: (
      <DocumentsStep
        app={app}
        form={form}
        change={change}
        problems={problems}
        onUploaded={async (doc) => {
          if (doc.purpose === 'EDUCATION_PROOF') {
            change({ educationProofDocumentId: doc.id });
            await save();
          }
          onReload();
        }}
      />
    ),
    review: (
      <ReviewStep
        app={app}
        form={form}
        change={change}
        codeOfEthics={codeOfEthics}
        policyValues={policyValues}
        submitting={submission.fetching}
        submitError={submission.error}
        onSubmit={onSubmit}
        onReload={reloadFromServer}
        onEdit={(id) => void goTo(steps.indexOf(id))}
        saveState={saveState}
      />
    ),
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="application-form">
      <Stepper color={ACTION} active={active} onStepClick={(i) => void goTo(i)} size="sm" wrap aria-label="Application steps" mb="md">
        {steps.map((s) => (
          <Stepper.Step key={s} label={labels[s].label} description={labels[s].description} />
        ))}
      </Stepper>
      <Title order={2} size="h3" mb="sm" data-testid="step-title">
        {`Step ${active + 1} of ${steps.length}: ${STEP_LABELS[step].label}`}
      </Title>
      {body[step]}
      {saveState.kind === 'error' && (
        <RefusalAlert error={saveState.error} title="Your latest changes are not saved" onReload={reloadFromServer} testId="save-error" placed={PLACED_FIELDS} />
      )}
      <Group justify="space-between" mt="lg" wrap="wrap">
        <Group>
          <Button variant="default" onClick={() => void goTo(active - 1)} disabled={active === 0}>
            Back
          </Button>
          {active < steps.length - 1 && <Button color={ACTION} onClick={() => void goTo(active + 1)}>Next: {STEP_LABELS[steps[active + 1]!].label}</Button>}
        </Group>
        <Group gap="sm">
          <SaveStatus state={saveState} />
          <Button color={ACTION}
            variant="light"
            onClick={() => {
              dirty.current = true;
              void save();
            }}
            disabled={saveState.kind === 'saving'}
          >
            Save draft
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** Fields shown next to their inputs (other field reasons are listed in the alert). */
const PLACED_FIELDS = [
  'consumerOfServices',
  'recoveryStartDate',
  'recoveryStatement',
  'statementOwnWork',
  'workHistory',
  'educationProofKind',
  'educationProofDocumentId',
  'coreCourse',
  'trainingLog',
  'references',
  'codeOfEthicsVersion',
];

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Draft saved at ${state.at.toLocaleTimeString()}`
        : state.kind === 'error'
          ? 'Not saved'
          : 'Your answers are saved as you go';
  return (
    <Text size="sm" c={state.kind === 'error' ? BAD : MUTED} role="status" aria-live="polite" data-testid="save-status" data-state={state.kind} data-saved-at={state.kind === 'saved' ? state.at.getTime() : undefined}>
      {text}
    </Text>
  );
}

type Change = (patch: Partial<DraftForm>) => void;

function PersonalStep({ me, form, change, problems }: { me: Me; form: DraftForm; change: Change; problems: FieldProblem[] }) {
  return (
    <Stack>
      <Text size="sm" c={MUTED}>
        Your name and county come from your record with the program. Keep your contact details current so the program can reach you about this application.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Legal name" value={me.legalName} readOnly />
        <TextInput label="County" value={me.county} readOnly />
        <TextInput label="Email" value={me.email} readOnly />
      </SimpleGrid>
      <ProfileForm me={me} />
      <Textarea
        label="Work history (optional)"
        description="Jobs or volunteer work, especially in peer support"
        autosize
        minRows={3}
        value={form.workHistory}
        onChange={(e) => change({ workHistory: e.currentTarget.value })}
        error={reasonsFor(problems, 'workHistory')}
      />
    </Stack>
  );
}

/** Contact details are the person's profile (updatePersonProfile), saved with their own button. */
function ProfileForm({ me }: { me: Me }) {
  const [preferredName, setPreferredName] = useState(me.preferredName ?? '');
  const [phone, setPhone] = useState(me.phone ?? '');
  const [address, setAddress] = useState({
    line1: me.mailingAddress?.line1 ?? '',
    line2: me.mailingAddress?.line2 ?? '',
    city: me.mailingAddress?.city ?? '',
    state: me.mailingAddress?.state ?? 'NC',
    postalCode: me.mailingAddress?.postalCode ?? '',
  });
  const [result, update] = useMutation(UpdateProfileMutation);
  const [saved, setSaved] = useState(false);
  const problems = fieldProblems(result.error);

  async function onSave() {
    setSaved(false);
    const res = await update({
      input: {
        personId: me.id,
        expectedVersion: me.version,
        preferredName: preferredName.trim() || null,
        phone: phone.trim() || null,
        ...(address.line1.trim() ? { mailingAddress: { ...address, line2: address.line2.trim() || null } } : {}),
      },
    });
    if (!res.error) setSaved(true);
  }

  return (
    <Paper withBorder p="sm" radius="sm">
      <Title order={3} size="h5" mb="xs">
        Contact details
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Preferred name" value={preferredName} onChange={(e) => setPreferredName(e.currentTarget.value)} error={reasonsFor(problems, 'preferredName')} />
        <TextInput label="Phone" type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={reasonsFor(problems, 'phone')} />
        <TextInput label="Street address" autoComplete="address-line1" value={address.line1} onChange={(e) => setAddress({ ...address, line1: e.currentTarget.value })} error={reasonsFor(problems, 'mailingAddress.line1')} />
        <TextInput label="Address line 2" autoComplete="address-line2" value={address.line2} onChange={(e) => setAddress({ ...address, line2: e.currentTarget.value })} error={reasonsFor(problems, 'mailingAddress.line2')} />
        <TextInput label="City" autoComplete="address-level2" value={address.city} onChange={(e) => setAddress({ ...address, city: e.currentTarget.value })} error={reasonsFor(problems, 'mailingAddress.city')} />
        <Group grow>
          <TextInput label="State" autoComplete="address-level1" maxLength={2} value={address.state} onChange={(e) => setAddress({ ...address, state: e.currentTarget.value.toUpperCase() })} error={reasonsFor(problems, 'mailingAddress.state')} />
          <TextInput label="ZIP code" autoComplete="postal-code" value={address.postalCode} onChange={(e) => setAddress({ ...address, postalCode: e.currentTarget.value })} error={reasonsFor(problems, 'mailingAddress.postalCode')} />
        </Group>
      </SimpleGrid>
      <Group mt="sm">
        <Button color={ACTION} variant="light" onClick={onSave} loading={result.fetching}>
          Save contact details
        </Button>
        {saved && (
          <Text size="sm" role="status" c={GOOD}>
            Contact details saved.
          </Text>
        )}
      </Group>
      {result.error && (
        <RefusalAlert error={result.error} title="Contact details not saved" placed={['preferredName', 'phone', 'mailingAddress']} />
      )}
    </Paper>
  );
}

function RecoveryStep({ form, change, problems, recoveryMonths }: { form: DraftForm; change: Change; problems: FieldProblem[]; recoveryMonths?: number }) {
  return (
    <Stack>
      <Alert variant="light" color={INFO} title="Private">
        Your recovery start date and statement are health information: only you and the program&apos;s certification reviewers can read them, and every read is recorded.
      </Alert>
      <Radio.Group
        label="Are you a current or former consumer of mental health and/or substance use services?"
        value={form.consumerOfServices === null ? '' : form.consumerOfServices ? 'yes' : 'no'}
        onChange={(v) => change({ consumerOfServices: v === 'yes' })}
        error={reasonsFor(problems, 'consumerOfServices')}
      >
        <Group mt="xs">
          <Radio value="yes" label="Yes" />
          <Radio value="no" label="No" />
        </Group>
      </Radio.Group>
      <TextInput
        type="date"
        label="When did your recovery start?"
        description={recoveryMonths ? `The program asks for at least ${recoveryMonths} months of lived experience in recovery.` : undefined}
        value={form.recoveryStartDate}
        onChange={(e) => change({ recoveryStartDate: e.currentTarget.value })}
        error={reasonsFor(problems, 'recoveryStartDate')}
        w={260}
        autoComplete="off"
      />
      <Textarea
        label="Your recovery statement"
        description="In your own words: your recovery and why you want to support others."
        autosize
        minRows={6}
        autoComplete="off"
        spellCheck
        value={form.recoveryStatement}
        onChange={(e) => change({ recoveryStatement: e.currentTarget.value })}
        error={reasonsFor(problems, 'recoveryStatement')}
      />
      <Checkbox
        label="I attest that this recovery statement is my own work"
        description="See the program's guidance on whether AI or other help may be used to write it."
        checked={form.statementOwnWork}
        onChange={(e) => change({ statementOwnWork: e.currentTarget.checked })}
        error={reasonsFor(problems, 'statementOwnWork')}
      />
    </Stack>
  );
}

function TrainingStep({
  app,
  me,
  form,
  change,
  problems,
  policyValues,
  lastCertifiedOn,
}: {
  app: ApplicantApplicationFieldsFragment;
  me: Me;
  form: DraftForm;
  change: Change;
  problems: FieldProblem[];
  policyValues: Record<string, unknown>;
  lastCertifiedOn?: string | null;
}) {
  const renewal = app.kind === 'RECERTIFICATION';
  const policy = policyNumbers(policyValues);
  // Null when training did not answer: the record is then unavailable, not empty.
  const record = me.trainingCompletions;
  const completions = (record ?? []).filter((c) => !renewal || !lastCertifiedOn || c.completedOn > lastCertifiedOn);
  const core = (record ?? []).find((c) => c.kind === 'CORE_PSS');
  const setRow = (key: string, patch: Partial<TrainingLogRow>) => change({ trainingLog: form.trainingLog.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const rowReason = (i: number, field: string) => reasonsFor(problems, `trainingLog.${sentIndex(form.trainingLog, blankTraining, i)}.${field}`);
  const loggedHours = form.trainingLog.reduce((sum, r) => sum + (Number(r.hours) || 0), 0);

  return (
    <Stack>
      <Paper withBorder p="sm" radius="sm" data-testid="training-records">
        <Title order={3} size="h5">
          {renewal && lastCertifiedOn ? `Training on your record since ${lastCertifiedOn}` : 'Training on your record with the program'}
        </Title>
        {record == null ? (
          <Text size="sm" c={MUTED} data-testid="training-records-unavailable">
            Your training record is unavailable right now (training is not answering); try again shortly. The program reads your record again when you submit.
          </Text>
        ) : completions.length === 0 ? (
          <Text size="sm" c={MUTED} data-testid="training-records-empty">
            The platform has no completed training for you{renewal ? ' since your last certification' : ''} yet. Training from sessions on the platform appears here; add training done elsewhere below.
          </Text>
        ) : (
          <>
            <Text size="sm" mb="xs" data-testid="training-hours-by-kind">
              {renewal
                ? `${formatHours(completions.reduce((s, c) => s + c.hours, 0))} hours since your last certification.`
                : `${formatHours(me.trainingHours ?? completions.reduce((s, c) => s + c.hours, 0))} hours in all: ${(me.trainingHoursByKind ?? []).map((k) => `${courseKindLabel(k.kind)} ${formatHours(k.hours)}`).join(', ')}.`}
            </Text>
            <Text size="sm" mb="xs" data-testid="training-record-counts">
              This training counts toward your application as it is: the program reads your record when you submit. Do not copy it into the log below.
            </Text>
            <Table.ScrollContainer minWidth={480}>
              <Table striped withTableBorder aria-label="Completed training on your record">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Course</Table.Th>
                    <Table.Th scope="col">Kind</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Hours
                    </Table.Th>
                    <Table.Th scope="col">Completed on</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {completions.map((c) => (
                    <Table.Tr key={c.id} data-testid="training-record-row">
                      <Table.Td>
                        {c.courseTitle}
                        {c.childAndFamily ? ' (children and families)' : ''}
                      </Table.Td>
                      <Table.Td>{courseKindLabel(c.kind)}</Table.Td>
                      <Table.Td ta="right">{formatHours(c.hours)}</Table.Td>
                      <Table.Td>{c.completedOn}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Paper>

      {!renewal && (
        <Paper withBorder p="sm" radius="sm">
          <Title order={3} size="h5">
            Core Peer Support Specialist course
          </Title>
          <Text size="sm" c={MUTED} mb="xs">
            {`A Division-approved course of at least ${policy.coreHours ?? 40} face-to-face hours; its certificate can be used for ${policy.coreValidYears ?? 2} years after completion.`}
          </Text>
          {core ? (
            <Text size="sm" mb="xs" data-testid="core-on-record">
              {`On your record: ${core.courseTitle}, completed ${core.completedOn}. It counts when that course was approved on that date; fill this in only for a core course that is not on your record.`}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Course title"
              value={form.coreCourse.title}
              onChange={(e) => change({ coreCourse: { ...form.coreCourse, title: e.currentTarget.value } })}
              error={reasonsFor(problems, 'coreCourse.title')}
            />
            <TextInput
              type="date"
              label="Completed on"
              value={form.coreCourse.completedOn}
              onChange={(e) => change({ coreCourse: { ...form.coreCourse, completedOn: e.currentTarget.value } })}
              error={reasonsFor(problems, 'coreCourse.completedOn')}
            />
            <NumberInput
              label="Hours"
              min={0}
              max={200}
              decimalScale={2}
              value={form.coreCourse.hours}
              onChange={(v) => change({ coreCourse: { ...form.coreCourse, hours: v } })}
              error={reasonsFor(problems, 'coreCourse.hours')}
            />
          </SimpleGrid>
        </Paper>
      )}

      <Paper withBorder p="sm" radius="sm">
        <Title order={3} size="h5">
          {renewal ? 'Training done elsewhere since your last certification' : 'Training done elsewhere: additional hours'}
        </Title>
        <Text size="sm" c={MUTED} mb="xs">
          {renewal
            ? `At least ${policy.recertificationHours ?? 20} hours since your last certification, ${policy.recertificationEthicsHours ?? 3} of them Ethics and Peer Support Boundaries.`
            : `At least ${policy.additionalHours ?? 20} additional hours with valid certificates; at most ${policy.childFamilyMaxHours ?? 8} about children and families count${policy.initialEthicsTrainingRequired ? '; Ethics and Peer Support Boundaries training must be among them' : ''}.`}{' '}
          Your record above counts toward these hours; log here only training that is not on it, with its certificate.
        </Text>
        <Text size="sm" mb="xs" data-testid="training-log-total">{`${formatHours(loggedHours)} hours logged in ${form.trainingLog.length} ${form.trainingLog.length === 1 ? 'entry' : 'entries'}.`}</Text>
        <Stack gap="sm">
          {form.trainingLog.map((r, i) => (
            <Paper key={r.key} withBorder p="xs" radius="sm" data-testid="training-log-row" component="fieldset" aria-label={`Training entry ${i + 1}`}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={`Training ${i + 1}: topic`} value={r.topic} onChange={(e) => setRow(r.key, { topic: e.currentTarget.value })} error={rowReason(i, 'topic')} />
                <NumberInput label={`Training ${i + 1}: hours`} min={0} max={200} decimalScale={2} value={r.hours} onChange={(v) => setRow(r.key, { hours: v })} error={rowReason(i, 'hours')} />
                <TextInput type="date" label={`Training ${i + 1}: completed on`} value={r.completedOn} onChange={(e) => setRow(r.key, { completedOn: e.currentTarget.value })} error={rowReason(i, 'completedOn')} />
              </SimpleGrid>
              <Group mt="xs" gap="lg" wrap="wrap">
                <Checkbox label="Ethics and Peer Support Boundaries" checked={r.ethics} onChange={(e) => setRow(r.key, { ethics: e.currentTarget.checked })} />
                <Checkbox label="About children and families" checked={r.childFamily} onChange={(e) => setRow(r.key, { childFamily: e.currentTarget.checked })} />
                <Checkbox label="Military-specific" checked={r.militarySpecific} onChange={(e) => setRow(r.key, { militarySpecific: e.currentTarget.checked })} />
              </Group>
              <Group mt="xs" align="flex-end" wrap="wrap">
                <TextInput
                  label={`Training ${i + 1}: certificate number or issuer`}
                  value={r.evidenceNote}
                  onChange={(e) => setRow(r.key, { evidenceNote: e.currentTarget.value })}
                  error={rowReason(i, 'evidenceNote')}
                  w={320}
                />
                <Select
                  label={`Training ${i + 1}: uploaded certificate`}
                  placeholder="None"
                  clearable
                  data={app.documents.map((d) => ({ value: d.id, label: `${d.fileName} (${DOCUMENT_PURPOSE_LABELS[d.purpose] ?? d.purpose})` }))}
                  value={r.evidenceDocumentId}
                  onChange={(v) => setRow(r.key, { evidenceDocumentId: v })}
                  error={rowReason(i, 'evidenceDocumentId')}
                  w={320}
                />
                <Button variant="subtle" color={BAD} onClick={() => change({ trainingLog: form.trainingLog.filter((x) => x.key !== r.key) })}>
                  Remove training {i + 1}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
        <Group mt="sm">
          <Button color={ACTION} variant="light" onClick={() => change({ trainingLog: [...form.trainingLog, emptyTrainingRow()] })}>
            Add a training entry
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

function ReferencesStep({ form, change, problems, renewal }: { form: DraftForm; change: Change; problems: FieldProblem[]; renewal: boolean }) {
  const setRow = (key: string, patch: Partial<ReferenceRow>) => change({ references: form.references.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const rowReason = (i: number, field: string) => reasonsFor(problems, `references.${sentIndex(form.references, blankReference, i)}.${field}`);
  return (
    <Stack>
      <Text size="sm" c={MUTED}>
        {renewal
          ? 'Two Personal Reference Forms, as evidence of your continuous, current recovery.'
          : 'Two Personal Reference Forms: one referee has known you at least a year, and one knows about your recovery.'}
      </Text>
      {form.references.map((r, i) => (
        <Paper key={r.key} withBorder p="sm" radius="sm" component="fieldset" aria-label={`Reference ${i + 1}`} data-testid="reference-row">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={`Reference ${i + 1}: name`} value={r.name} onChange={(e) => setRow(r.key, { name: e.currentTarget.value })} error={rowReason(i, 'name')} />
            <TextInput label={`Reference ${i + 1}: relation to you`} value={r.relation} onChange={(e) => setRow(r.key, { relation: e.currentTarget.value })} error={rowReason(i, 'relation')} />
            <NumberInput label={`Reference ${i + 1}: years known`} min={0} max={100} decimalScale={1} value={r.yearsKnown} onChange={(v) => setRow(r.key, { yearsKnown: v })} error={rowReason(i, 'yearsKnown')} />
            <TextInput label={`Reference ${i + 1}: phone or email (optional)`} value={r.contact} onChange={(e) => setRow(r.key, { contact: e.currentTarget.value })} error={rowReason(i, 'contact')} />
          </SimpleGrid>
          <Checkbox mt="xs" label={`Reference ${i + 1} knows about my recovery`} checked={r.knowsAboutRecovery} onChange={(e) => setRow(r.key, { knowsAboutRecovery: e.currentTarget.checked })} />
        </Paper>
      ))}
      {form.references.length < REFERENCES_REQUIRED && (
        <Button color={ACTION} variant="light" onClick={() => change({ references: [...form.references, emptyReference()] })} w="fit-content">
          Add a reference
        </Button>
      )}
      {reasonsFor(problems, 'references') && !form.references.some((_, i) => rowReason(i, 'name') || rowReason(i, 'relation') || rowReason(i, 'yearsKnown') || rowReason(i, 'contact')) && (
        <Text c={BAD} size="sm">
          {reasonsFor(problems, 'references')}
        </Text>
      )}
    </Stack>
  );
}

function DocumentsStep({
  app,
  form,
  change,
  problems,
  onUploaded,
}: {
  app: ApplicantApplicationFieldsFragment;
  form: DraftForm;
  change: Change;
  problems: FieldProblem[];
  onUploaded: (doc: { id: string; purpose: string; fileName: string }) => Promise<void>;
}) {
  const renewal = app.kind === 'RECERTIFICATION';
  const educationDoc = app.documents.find((d) => d.id === form.educationProofDocumentId);
  return (
    <Stack>
      {!renewal && (
        <Paper withBorder p="sm" radius="sm">
          <Title order={3} size="h5" mb="xs">
            High school diploma or equivalent
          </Title>
          <Select
            label="Proof of education"
            placeholder="Choose the kind of proof"
            data={Object.entries(EDUCATION_PROOF_LABELS).map(([value, label]) => ({ value, label }))}
            value={form.educationProofKind}
            onChange={(v) => change({ educationProofKind: v })}
            error={reasonsFor(problems, 'educationProofKind')}
            w={320}
            mb="sm"
          />
          <Text size="sm" mb="xs" data-testid="education-proof-file">
            {educationDoc ? `Attached: ${educationDoc.fileName}` : 'No proof attached yet.'}
          </Text>
          {reasonsFor(problems, 'educationProofDocumentId') && (
            <Text c={BAD} size="sm">
              {reasonsFor(problems, 'educationProofDocumentId')}
            </Text>
          )}
          <DocumentUpload applicationId={app.id} purposes={['EDUCATION_PROOF']} label="Upload your proof of education" onUploaded={onUploaded} testId="education-upload" />
        </Paper>
      )}
      <Paper withBorder p="sm" radius="sm">
        <Title order={3} size="h5" mb="xs">
          Training certificates and other documents
        </Title>
        <DocumentUpload
          applicationId={app.id}
          purposes={['TRAINING_CERTIFICATE', 'DESIGNATION_PROOF', 'OTHER']}
          label="Upload a document"
          onUploaded={onUploaded}
          testId="document-upload"
        />
      </Paper>
      <UploadedDocuments documents={app.documents} />
    </Stack>
  );
}

export function UploadedDocuments({ documents }: { documents: ApplicantApplicationFieldsFragment['documents'] }) {
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        Your uploaded documents
      </Title>
      {documents.length === 0 ? (
        <Text size="sm" c={MUTED} data-testid="documents-empty">
          You have not uploaded any documents yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder aria-label="Your uploaded documents" data-testid="uploaded-documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">File</Table.Th>
                <Table.Th scope="col">What</Table.Th>
                <Table.Th scope="col">Format</Table.Th>
                <Table.Th scope="col" ta="right">
                  Size
                </Table.Th>
                <Table.Th scope="col">Uploaded</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((d) => (
                <Table.Tr key={d.id} data-testid="uploaded-document">
                  <Table.Td>{d.fileName}</Table.Td>
                  <Table.Td>{DOCUMENT_PURPOSE_LABELS[d.purpose] ?? d.purpose}</Table.Td>
                  <Table.Td>{d.format}</Table.Td>
                  <Table.Td ta="right">{formatBytes(d.sizeBytes)}</Table.Td>
                  <Table.Td>{new Date(d.createdAt).toLocaleDateString()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}

function ReviewStep({
  app,
  form,
  change,
  codeOfEthics,
  policyValues,
  submitting,
  submitError,
  onSubmit,
  onReload,
  onEdit,
  saveState,
}: {
  app: ApplicantApplicationFieldsFragment;
  form: DraftForm;
  change: Change;
  codeOfEthics: { version: string; title: string } | null;
  policyValues: Record<string, unknown>;
  submitting: boolean;
  submitError: CombinedError | undefined;
  onSubmit: () => void;
  onReload: () => void;
  onEdit: (step: StepId) => void;
  saveState: SaveState;
}) {
  const renewal = app.kind === 'RECERTIFICATION';
  const policy = policyNumbers(policyValues);
  const fee = renewal ? policy.recertificationFeeCents : policy.applicationFeeCents;
  const resubmit = app.status === 'INCOMPLETE';
  const missing = app.checklist.filter((c) => c.required && !c.met);
  return (
    <Stack>
      <Text size="sm" c={MUTED}>
        The checklist below is the program&apos;s own check of your saved answers, by the rules in force {app.submittedOn ? `on ${app.submittedOn}` : 'today'}.
        {saveState.kind === 'saving' ? ' Saving your latest changes…' : ''}
      </Text>
      <EligibilityChecklist lines={app.checklist} eligible={app.eligible} />
      {missing.length > 0 && (
        <Alert color={ATTENTION} variant="light" title="Still missing" data-testid="still-missing">
          <Text size="sm">You can submit now; the program will hold the application and ask for what is missing. Or go back and complete it first:</Text>
          <Group gap="xs" mt="xs">
            {!renewal && (
              <>
                <Button size="xs" variant="default" onClick={() => onEdit('recovery')}>
                  Recovery
                </Button>
              </>
            )}
            <Button size="xs" variant="default" onClick={() => onEdit('training')}>
              Training
            </Button>
            <Button size="xs" variant="default" onClick={() => onEdit('references')}>
              References
            </Button>
            <Button size="xs" variant="default" onClick={() => onEdit('documents')}>
              Documents
            </Button>
          </Group>
        </Alert>
      )}
      {renewal && (
        <Radio.Group
          label="Do you remain a current or former consumer of mental health and/or substance use services, continuing in recovery?"
          value={form.consumerOfServices === null ? '' : form.consumerOfServices ? 'yes' : 'no'}
          onChange={(v) => change({ consumerOfServices: v === 'yes' })}
        >
          <Group mt="xs">
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
      )}
      <Checkbox
        label={codeOfEthics ? `I have read the ${codeOfEthics.title} (version ${codeOfEthics.version}) and sign it` : 'I have read the Code of Ethics and sign it'}
        checked={form.codeOfEthicsVersion !== null}
        disabled={!codeOfEthics}
        onChange={(e) => change({ codeOfEthicsVersion: e.currentTarget.checked && codeOfEthics ? codeOfEthics.version : null })}
      />
      {fee !== undefined && !resubmit && (
        <Text size="sm" data-testid="fee-due">
          {`The ${renewal ? 'recertification' : 'application'} fee of ${formatCents(fee)} is non-refundable and becomes due when you submit${renewal && policy.lateFeeCents ? `; inside the late window a late fee of ${formatCents(policy.lateFeeCents)} is added` : ''}.`}
        </Text>
      )}
      <RefusalAlert error={submitError} title="Not submitted" onReload={onReload} testId="submit-error" />
      <Group>
        <Button color={ACTION} size="md" onClick={onSubmit} loading={submitting} data-testid="submit-application">
          {resubmit ? 'Resubmit with what was missing' : renewal ? 'Submit my renewal' : 'Submit my application'}
        </Button>
      </Group>
    </Stack>
  );
}
