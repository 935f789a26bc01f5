// The case actions of ethics staff, offered in the order the flow allows (availableActions). Each
// step sends the version the page read: a stale one comes back as CONFLICT ("someone else changed
// it"), an out-of-order one as FAILED_PRECONDITION naming what is missing, bad fields as reasons
// next to the fields. A step's answer carries the whole case, so status, clocks and timeline update.
import { Button, Group, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, type CombinedError } from 'urql';
import type { AppealDecision, ComplaintOutcomeKind, Cooperation, EthicsPrinciple, TriageLevel } from '../../gql/graphql';
import { AllegationsEditor, newAllegation, type AllegationDraft } from './AllegationsEditor';
import { availableActions, OUTCOME_LABELS, TRIAGE_LEVEL_LABELS, type CaseAction } from './caseFlow';
import {
  AcknowledgeComplaintMutation,
  AppealComplaintMutation,
  CloseComplaintMutation,
  DecideComplaintAppealMutation,
  DecideComplaintOutcomeMutation,
  NotifyRespondentMutation,
  RecordComplaintFindingsMutation,
  RecordRespondentCooperationMutation,
  RecordRespondentResponseMutation,
  ReferComplaintMutation,
  TriageComplaintMutation,
  type ComplaintCase,
} from './complaintCase';
import { PersonPicker } from './PersonPicker';
import { fieldReasons, RefusalAlert } from './serverErrors';
import { todayInNc } from '../../format';

interface StepProps {
  c: ComplaintCase;
  /** After a step the server accepted: what to announce. */
  onDone: (message: string) => void;
  onReload: () => void;
}

/** What each step's result needs to decide success: the urql result's error. */
type Sent = { error?: CombinedError; data?: unknown };

function StepForm({
  id,
  title,
  hint,
  error,
  placed,
  onReload,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  hint?: ReactNode;
  error: CombinedError | undefined;
  placed?: string[];
  onReload: () => void;
  onSubmit: () => Promise<void>;
  children?: ReactNode;
}) {
  return (
    <form
      className="case-step"
      aria-labelledby={`${id}-title`}
      data-testid={`step-${id}`}
      noValidate
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        void onSubmit();
      }}
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)', paddingTop: 'var(--mantine-spacing-sm)' }}
    >
      <Stack gap="xs">
        <Title order={3} id={`${id}-title`} size="h4">
          {title}
        </Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        <RefusalAlert error={error} title={`${title}: not saved`} placed={placed} onReload={onReload} testId={`step-${id}-error`} />
        {children}
      </Stack>
    </form>
  );
}

const noteField = (value: string, set: (v: string) => void, reasonsFor: (f: string) => string | undefined, label = 'Note (optional)') => (
  <Textarea label={label} autosize minRows={1} value={value} onChange={(e) => set(e.currentTarget.value)} error={reasonsFor('note')} />
);

const ok = (r: Sent) => !r.error;

function Acknowledge({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(AcknowledgeComplaintMutation);
  const [note, setNote] = useState('');
  const { reasonsFor } = fieldReasons(state.error);
  const due = c.clocks.find((k) => k.step === 'ACKNOWLEDGMENT');
  return (
    <StepForm
      id="acknowledge"
      title="Acknowledge to the complainant"
      hint={due ? `Target: by ${due.dueOn} (${due.targetBusinessDays} business days from receipt).` : undefined}
      error={state.error}
      placed={['note']}
      onReload={onReload}
      onSubmit={async () => {
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, note: note.trim() || null } }))) onDone('Complaint acknowledged.');
      }}
    >
      {noteField(note, setNote, reasonsFor)}
      <Group>
        <Button type="submit" loading={state.fetching}>
          Acknowledge
        </Button>
      </Group>
    </StepForm>
  );
}

function Triage({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(TriageComplaintMutation);
  const [level, setLevel] = useState<TriageLevel | null>(null);
  const [note, setNote] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [allegations, setAllegations] = useState<AllegationDraft[]>(() => (c.allegations ?? []).map((a) => newAllegation(a.principle, a.description)));
  const [allegationsChanged, setAllegationsChanged] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldReasons(state.error);
  const reasonsFor = (...fields: string[]) => [...fields.map((f) => local[f]).filter(Boolean), server.reasonsFor(...fields)].filter(Boolean).join('; ') || undefined;
  return (
    <StepForm
      id="triage"
      title="Triage: decide the level of response"
      hint="Desk review: the program decides on its own findings. Investigation: referred to the Division’s program-integrity team."
      error={state.error}
      placed={['level', 'note', 'respondentPersonId', 'allegations']}
      onReload={onReload}
      onSubmit={async () => {
        const l: Record<string, string> = {};
        if (!level) l['level'] = 'choose a level of response';
        if (allegationsChanged && allegations.some((a) => !a.principle || !a.description.trim())) l['allegations'] = 'choose a principle and describe each allegation, or remove it';
        setLocal(l);
        if (Object.keys(l).length) return;
        const r = await run({
          input: {
            id: c.id,
            expectedVersion: c.version,
            level: level!,
            note: note.trim() || null,
            respondentPersonId: personId,
            allegations: allegationsChanged ? allegations.map((a) => ({ principle: a.principle as EthicsPrinciple, description: a.description.trim() })) : null,
          },
        });
        if (ok(r)) onDone(`Triaged: ${TRIAGE_LEVEL_LABELS[level!]}.`);
      }}
    >
      <Radio.Group label="Level of response" value={level} onChange={(v) => setLevel(v as TriageLevel)} error={reasonsFor('level')} withAsterisk>
        <Group mt={4}>
          {Object.entries(TRIAGE_LEVEL_LABELS).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </Group>
      </Radio.Group>
      {c.subjectKind !== 'PROGRAM' && !c.respondent && (
        <PersonPicker
          label="Link the respondent to a person (optional)"
          description={c.respondentDescription ? `Described at intake as: ${c.respondentDescription}` : undefined}
          value={personId}
          onChange={setPersonId}
          error={reasonsFor('respondentPersonId')}
        />
      )}
      <AllegationsEditor
        legend="Allegations mapped to principles"
        idPrefix="triage"
        hint={`Principles of the Code of Ethics ${c.codeOfEthics.version}. Changes replace the allegations recorded at intake.`}
        allegations={allegations}
        onChange={(next) => {
          setAllegations(next);
          setAllegationsChanged(true);
        }}
        principles={c.codeOfEthics.principles}
        reasonsFor={reasonsFor}
      />
      {noteField(note, setNote, reasonsFor)}
      <Group>
        <Button type="submit" loading={state.fetching}>
          Triage
        </Button>
      </Group>
    </StepForm>
  );
}

function Refer({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(ReferComplaintMutation);
  const [to, setTo] = useState('Division program-integrity team');
  const [note, setNote] = useState('');
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="refer"
      title="Refer for investigation"
      hint={c.triageLevel === 'DESK_REVIEW' ? 'Triaged for desk review: findings may be recorded without a referral.' : undefined}
      error={state.error}
      placed={['referredTo', 'note']}
      onReload={onReload}
      onSubmit={async () => {
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, referredTo: to.trim(), note: note.trim() || null } }))) onDone(`Referred to ${to.trim()}.`);
      }}
    >
      <TextInput label="Referred to" required value={to} onChange={(e) => setTo(e.currentTarget.value)} error={reasonsFor('referredTo')} errorProps={{ 'data-testid': 'referred-to-error' }} />
      {noteField(note, setNote, reasonsFor)}
      <Group>
        <Button type="submit" loading={state.fetching}>
          Refer for investigation
        </Button>
      </Group>
    </StepForm>
  );
}

function Notify({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(NotifyRespondentMutation);
  const [note, setNote] = useState('');
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="notify"
      title="Notify the respondent"
      hint="Starts the clock for the respondent’s response. The respondent must be notified and heard before an outcome."
      error={state.error}
      placed={['note']}
      onReload={onReload}
      onSubmit={async () => {
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, note: note.trim() || null } }))) onDone('Respondent notified.');
      }}
    >
      {noteField(note, setNote, reasonsFor)}
      <Group>
        <Button type="submit" loading={state.fetching}>
          Record notice to the respondent
        </Button>
      </Group>
    </StepForm>
  );
}

function RespondentResponse({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(RecordRespondentResponseMutation);
  const [response, setResponse] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="response"
      title="Record the respondent’s response"
      hint={c.respondentNotifiedOn ? `Notified on ${c.respondentNotifiedOn}.` : undefined}
      error={state.error}
      placed={['response', 'receivedOn']}
      onReload={onReload}
      onSubmit={async () => {
        if (!response.trim()) return setLocal('write down what the respondent said');
        setLocal(undefined);
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, response: response.trim(), receivedOn: receivedOn || null } }))) onDone('Respondent’s response recorded.');
      }}
    >
      <Textarea label="The response (confidential)" required autosize minRows={3} value={response} onChange={(e) => setResponse(e.currentTarget.value)} error={local ?? reasonsFor('response')} />
      <TextInput
        type="date"
        label="Received on"
        description="Leave empty for today."
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.currentTarget.value)}
        error={reasonsFor('receivedOn')}
        errorProps={{ 'data-testid': 'response-received-on-error' }}
      />
      <Group>
        <Button type="submit" loading={state.fetching}>
          Record the response
        </Button>
      </Group>
    </StepForm>
  );
}

function CooperationStep({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(RecordRespondentCooperationMutation);
  const [cooperation, setCooperation] = useState<Cooperation | null>(c.cooperation ?? null);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="cooperation"
      title="Record the respondent’s cooperation"
      hint="A CPSS must cooperate with an investigation."
      error={state.error}
      placed={['cooperation', 'note']}
      onReload={onReload}
      onSubmit={async () => {
        if (!cooperation) return setLocal('choose whether the respondent cooperates');
        setLocal(undefined);
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, cooperation, note: note.trim() || null } }))) onDone('Cooperation recorded.');
      }}
    >
      <Radio.Group label="Does the respondent cooperate?" value={cooperation} onChange={(v) => setCooperation(v as Cooperation)} error={local ?? reasonsFor('cooperation')}>
        <Group mt={4}>
          <Radio value="COOPERATING" label="Cooperating" />
          <Radio value="NOT_COOPERATING" label="Not cooperating" />
        </Group>
      </Radio.Group>
      {noteField(note, setNote, reasonsFor)}
      <Group>
        <Button type="submit" variant="default" loading={state.fetching}>
          Record cooperation
        </Button>
      </Group>
    </StepForm>
  );
}

function Findings({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(RecordComplaintFindingsMutation);
  const [substantiated, setSubstantiated] = useState<string | null>(null);
  const [findings, setFindings] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="findings"
      title={c.triageLevel === 'DESK_REVIEW' && c.status === 'TRIAGED' ? 'Record the findings of the desk review' : 'Record the findings of the investigation'}
      error={state.error}
      placed={['substantiated', 'findings']}
      onReload={onReload}
      onSubmit={async () => {
        const l: Record<string, string> = {};
        if (!substantiated) l['substantiated'] = 'say whether the findings substantiate the allegations';
        if (!findings.trim()) l['findings'] = 'write the findings';
        setLocal(l);
        if (Object.keys(l).length) return;
        const yes = substantiated === 'yes';
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, substantiated: yes, findings: findings.trim() } }))) onDone(`Findings recorded (${yes ? 'substantiated' : 'not substantiated'}).`);
      }}
    >
      <Radio.Group label="Do the findings substantiate the allegations?" value={substantiated} onChange={setSubstantiated} error={local['substantiated'] ?? reasonsFor('substantiated')} withAsterisk>
        <Group mt={4}>
          <Radio value="yes" label="Substantiated" />
          <Radio value="no" label="Not substantiated" />
        </Group>
      </Radio.Group>
      <Textarea label="Findings (confidential)" required autosize minRows={3} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} error={local['findings'] ?? reasonsFor('findings')} />
      <Group>
        <Button type="submit" loading={state.fetching}>
          Record findings
        </Button>
      </Group>
    </StepForm>
  );
}

/** Which sanction details each outcome takes (the server refuses the others as "does not apply"). */
const OUTCOME_FIELDS: Record<ComplaintOutcomeKind, ('effectiveFrom' | 'effectiveUntil' | 'conditions' | 'mandatedTraining' | 'trainingDueOn')[]> = {
  DISMISSED: [],
  NO_ACTION: [],
  CORRECTIVE_ACTION: ['mandatedTraining', 'trainingDueOn', 'effectiveFrom'],
  PROBATION: ['effectiveFrom', 'effectiveUntil', 'conditions'],
  SUSPENSION: ['effectiveFrom', 'effectiveUntil'],
  REVOCATION: ['effectiveFrom'],
  REMOVAL_AS_TRAINER: ['effectiveFrom'],
};

function Outcome({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(DecideComplaintOutcomeMutation);
  const [outcome, setOutcome] = useState<ComplaintOutcomeKind | null>(null);
  const [reason, setReason] = useState('');
  const [details, setDetails] = useState({ effectiveFrom: '', effectiveUntil: '', conditions: '', mandatedTraining: '', trainingDueOn: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldReasons(state.error);
  const reasonsFor = (f: string) => local[f] ?? server.reasonsFor(f);
  const fields = outcome ? OUTCOME_FIELDS[outcome] : [];
  const set = (k: keyof typeof details) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDetails((d) => ({ ...d, [k]: value }));
  };
  const dateInput = (k: 'effectiveFrom' | 'effectiveUntil' | 'trainingDueOn', label: string, description?: string) => (
    <TextInput key={k} type="date" label={label} description={description} min={todayInNc()} value={details[k]} onChange={set(k)} error={reasonsFor(k)} errorProps={{ 'data-testid': `outcome-${k}-error` }} />
  );
  return (
    <StepForm
      id="outcome"
      title="Decide the outcome"
      hint="The notice goes out today and opens the appeal window; a sanction stays pending until the window passes or the appeal is decided."
      error={state.error}
      placed={['outcome', 'reason', 'effectiveFrom', 'effectiveUntil', 'conditions', 'mandatedTraining', 'trainingDueOn']}
      onReload={onReload}
      onSubmit={async () => {
        const l: Record<string, string> = {};
        if (!outcome) l['outcome'] = 'choose an outcome';
        if (!reason.trim()) l['reason'] = 'say why (it is sent with the notice)';
        setLocal(l);
        if (Object.keys(l).length) return;
        const pick = (k: keyof typeof details) => (fields.includes(k) && details[k].trim() ? details[k].trim() : null);
        const r = await run({
          input: {
            id: c.id,
            expectedVersion: c.version,
            outcome: outcome!,
            reason: reason.trim(),
            effectiveFrom: pick('effectiveFrom'),
            effectiveUntil: pick('effectiveUntil'),
            conditions: pick('conditions'),
            mandatedTraining: pick('mandatedTraining'),
            trainingDueOn: pick('trainingDueOn'),
          },
        });
        if (ok(r)) onDone(`Outcome decided: ${OUTCOME_LABELS[outcome!]}.`);
      }}
    >
      <Select
        label="Outcome"
        placeholder="Choose an outcome"
        required
        data={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
        value={outcome}
        onChange={(v) => setOutcome(v as ComplaintOutcomeKind | null)}
        error={reasonsFor('outcome')}
      />
      <Textarea label="Why (sent with the notice)" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonsFor('reason')} />
      {fields.includes('mandatedTraining') && (
        <TextInput label="Mandated training" required value={details.mandatedTraining} onChange={set('mandatedTraining')} error={reasonsFor('mandatedTraining')} />
      )}
      {fields.includes('trainingDueOn') && dateInput('trainingDueOn', 'Training due on', 'After the appeal window closes.')}
      {fields.includes('effectiveFrom') && dateInput('effectiveFrom', 'Sanction effective from', outcome === 'CORRECTIVE_ACTION' ? 'Optional: today by default.' : undefined)}
      {fields.includes('effectiveUntil') && dateInput('effectiveUntil', 'Sanction effective until', 'After the appeal window closes.')}
      {fields.includes('conditions') && (
        <Textarea label="Conditions of the probation" required autosize minRows={2} value={details.conditions} onChange={set('conditions')} error={reasonsFor('conditions')} />
      )}
      <Group>
        <Button type="submit" loading={state.fetching}>
          Decide the outcome
        </Button>
      </Group>
    </StepForm>
  );
}

function Appeal({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(AppealComplaintMutation);
  const [grounds, setGrounds] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="appeal"
      title="Record an appeal"
      hint={`Appeals are accepted until ${c.appealDeadline}.`}
      error={state.error}
      placed={['grounds']}
      onReload={onReload}
      onSubmit={async () => {
        if (!grounds.trim()) return setLocal('write the grounds of the appeal');
        setLocal(undefined);
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, grounds: grounds.trim() } }))) onDone('Appeal recorded.');
      }}
    >
      <Textarea label="Grounds of the appeal (confidential)" required autosize minRows={2} value={grounds} onChange={(e) => setGrounds(e.currentTarget.value)} error={local ?? reasonsFor('grounds')} />
      <Group>
        <Button type="submit" variant="default" loading={state.fetching}>
          Record the appeal
        </Button>
      </Group>
    </StepForm>
  );
}

function AppealDecisionStep({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(DecideComplaintAppealMutation);
  const [decision, setDecision] = useState<AppealDecision | null>(null);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="appeal-decision"
      title="Decide the appeal"
      hint="Upheld: the outcome and any sanction stand. Overturned: any pending sanction is overturned."
      error={state.error}
      placed={['decision', 'reason']}
      onReload={onReload}
      onSubmit={async () => {
        const l: Record<string, string> = {};
        if (!decision) l['decision'] = 'choose upheld or overturned';
        if (!reason.trim()) l['reason'] = 'say why';
        setLocal(l);
        if (Object.keys(l).length) return;
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, decision: decision!, reason: reason.trim() } }))) onDone(`Appeal decided: ${decision === 'UPHELD' ? 'upheld' : 'overturned'}.`);
      }}
    >
      <Radio.Group label="Decision" value={decision} onChange={(v) => setDecision(v as AppealDecision)} error={local['decision'] ?? reasonsFor('decision')} withAsterisk>
        <Group mt={4}>
          <Radio value="UPHELD" label="Upheld" />
          <Radio value="OVERTURNED" label="Overturned" />
        </Group>
      </Radio.Group>
      <Textarea label="Reason for the appeal decision" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={local['reason'] ?? reasonsFor('reason')} />
      <Group>
        <Button type="submit" loading={state.fetching}>
          Decide the appeal
        </Button>
      </Group>
    </StepForm>
  );
}

function Close({ c, onDone, onReload }: StepProps) {
  const [state, run] = useMutation(CloseComplaintMutation);
  const [note, setNote] = useState('');
  const { reasonsFor } = fieldReasons(state.error);
  return (
    <StepForm
      id="close"
      title="Close the case"
      hint={
        c.status === 'OUTCOME_DECIDED'
          ? `Possible once no appeal can change the outcome: after the appeal window (until ${c.appealDeadline}). Its sanctions then become final and public.`
          : 'The appeal is decided: closing makes the remaining sanctions final and public.'
      }
      error={state.error}
      placed={['note']}
      onReload={onReload}
      onSubmit={async () => {
        if (ok(await run({ input: { id: c.id, expectedVersion: c.version, note: note.trim() || null } }))) onDone('Case closed.');
      }}
    >
      {noteField(note, setNote, reasonsFor)}
      <Group>
        <Button type="submit" variant="default" loading={state.fetching}>
          Close the case
        </Button>
      </Group>
    </StepForm>
  );
}

const STEPS: Record<CaseAction, (p: StepProps) => ReactNode> = {
  acknowledge: Acknowledge,
  triage: Triage,
  refer: Refer,
  notify: Notify,
  response: RespondentResponse,
  cooperation: CooperationStep,
  findings: Findings,
  outcome: Outcome,
  appeal: Appeal,
  appealDecision: AppealDecisionStep,
  close: Close,
};

export function ComplaintActions({ c, onReload }: { c: ComplaintCase; onReload: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const actions = availableActions(c, todayInNc());
  return (
    <section className="card" aria-labelledby="case-actions-title" data-testid="complaint-actions">
      <h2 id="case-actions-title">Case actions</h2>
      <p role="status" data-testid="complaint-action-done" className={done ? 'alert alert--info' : undefined}>
        {done ?? ''}
      </p>
      {actions.length === 0 ? (
        <p className="muted">{c.status === 'CLOSED' ? 'The case is closed.' : 'No step can be taken now.'}</p>
      ) : (
        <Stack gap="md">
          {actions.map((a) => {
            const Step = STEPS[a];
            // Keyed by version: a step's form starts afresh after any change to the case.
            return <Step key={`${a}:${c.version}`} c={c} onDone={(m) => setDone(m)} onReload={onReload} />;
          })}
        </Stack>
      )}
    </section>
  );
}
