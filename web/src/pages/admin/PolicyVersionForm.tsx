// Adds a policy version: an effective date, a note and every value, prefilled from the version in
// force and edited as fields (numbers, yes/no, lists). The server checks the values against the
// domain's schema and answers with reasons by path (`values.coreCourse.faceToFaceHours`), shown
// next to the field they are about.
import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldReasons, RefusalAlert } from '../ethics/serverErrors';
import {
  AddCertificationPolicyVersionMutation,
  AddEthicsPolicyVersionMutation,
  AddTrainingPolicyVersionMutation,
  type PolicyDomain,
  type PolicyVersionRow,
} from './policyDocuments';
import { formatValue, getAt, isObject, keyLabel, orderedEntries, sameJson, setAt, type Json, type JsonObject } from './policyValues';
import { todayInNc } from '../../format';

type ReasonsFor = (field: string, exact?: boolean) => string | undefined;

function tomorrowIso(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Comma-separated numbers ("90, 60"): kept as typed, sent as numbers (anything else as typed, for the server to judge). */
function PrimitiveList({ label, value, original, error, onChange }: { label: string; value: Json[]; original: Json | undefined; error?: string; onChange: (v: Json[]) => void }) {
  const [text, setText] = useState(value.map(String).join(', '));
  return (
    <TextInput
      label={label}
      description={`Separate with commas.${sameJson(value, original) || original === undefined ? '' : ` In force: ${formatValue(original)}`}`}
      value={text}
      error={error}
      onChange={(e) => {
        const raw = e.currentTarget.value;
        setText(raw);
        const items = raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        onChange(items.map((s) => (s !== '' && !Number.isNaN(Number(s)) ? Number(s) : s === 'true' ? true : s === 'false' ? false : s)));
      }}
    />
  );
}

function ValueField({
  name,
  path,
  value,
  original,
  reasonsFor,
  onChange,
}: {
  name: string;
  path: (string | number)[];
  value: Json;
  original: Json | undefined;
  reasonsFor: ReasonsFor;
  onChange: (path: (string | number)[], value: Json) => void;
}) {
  const field = ['values', ...path].join('.');
  const label = typeof path[path.length - 1] === 'number' ? `${name} ${Number(path[path.length - 1]) + 1}` : name;
  const changed = original !== undefined && !sameJson(value, original);
  const was = changed ? `In force: ${formatValue(original!, path.map(String))}` : undefined;
  const testId = `policy-field-${path.join('-')}`;

  if (isObject(value)) {
    const whole = reasonsFor(field, true);
    const entries = orderedEntries(value);
    // Small groups of numbers (month and day, min and max, from and to) sit side by side.
    const compact = entries.length <= 3 && entries.every(([, v]) => !Array.isArray(v));
    const children = entries.map(([k, v]) => (
      <ValueField key={k} name={keyLabel(k)} path={[...path, k]} value={v} original={getAt(original ?? null, [k])} reasonsFor={reasonsFor} onChange={onChange} />
    ));
    return (
      <Fieldset legend={label} variant="filled" p="sm">
        <Stack gap="xs">
          {compact ? (
            <SimpleGrid cols={{ base: 1, xs: entries.length }} spacing="sm">
              {children}
            </SimpleGrid>
          ) : (
            children
          )}
          {whole && (
            <Text size="sm" c="red.9">
              {whole}
            </Text>
          )}
        </Stack>
      </Fieldset>
    );
  }
  if (Array.isArray(value)) {
    const ofObjects = value.some((v) => isObject(v));
    if (!ofObjects) return <PrimitiveList label={label} value={value} original={original} error={reasonsFor(field)} onChange={(v) => onChange(path, v)} />;
    const whole = reasonsFor(field, true);
    return (
      <Fieldset legend={label} variant="filled">
        <Stack gap="xs">
          {value.map((item, i) => (
            <Group key={i} align="flex-end" wrap="wrap">
              <div style={{ flex: 1, minWidth: 240 }}>
                <ValueField name={name} path={[...path, i]} value={item} original={getAt(original ?? null, [i])} reasonsFor={reasonsFor} onChange={onChange} />
              </div>
              <Button variant="default" size="xs" onClick={() => onChange(path, value.filter((_, j) => j !== i))}>
                Remove {name.toLowerCase()} {i + 1}
              </Button>
            </Group>
          ))}
          {whole && (
            <Text size="sm" c="red.9">
              {whole}
            </Text>
          )}
          <Group>
            <Button variant="default" size="xs" onClick={() => onChange(path, [...value, value[value.length - 1] ?? {}])}>
              Add to {name.toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    );
  }
  if (typeof value === 'boolean') {
    return <Checkbox label={label} description={was} checked={value} onChange={(e) => onChange(path, e.currentTarget.checked)} error={reasonsFor(field)} data-testid={testId} />;
  }
  if (typeof value === 'number' || value === null) {
    return (
      <NumberInput
        label={label}
        description={was}
        value={value ?? ''}
        onChange={(v) => onChange(path, v === '' ? null : typeof v === 'number' ? v : Number.isNaN(Number(v)) ? v : Number(v))}
        error={reasonsFor(field)}
        errorProps={{ 'data-testid': `${testId}-error` }}
        allowDecimal
        allowNegative
        thousandSeparator={false}
        data-testid={testId}
      />
    );
  }
  return <TextInput label={label} description={was} value={value} onChange={(e) => onChange(path, e.currentTarget.value)} error={reasonsFor(field)} data-testid={testId} />;
}

const isPlain = (v: Json) => !isObject(v) && !Array.isArray(v);

/** Consecutive plain values together, each group or list on its own. */
function chunks(entries: [string, Json][]): [string, Json][][] {
  const out: [string, Json][][] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (last && isPlain(e[1]) && isPlain(last[0]![1])) last.push(e);
    else out.push([e]);
  }
  return out;
}

export function PolicyVersionForm({
  domain,
  domainLabel,
  inForce,
  onAdded,
  onCancel,
}: {
  domain: PolicyDomain;
  domainLabel: string;
  inForce: PolicyVersionRow;
  onAdded: (added: PolicyVersionRow) => void;
  onCancel: () => void;
}) {
  const [effectiveFrom, setEffectiveFrom] = useState(tomorrowIso());
  const [note, setNote] = useState('');
  const original = inForce.values as JsonObject;
  const [values, setValues] = useState<JsonObject>(() => structuredClone(original));
  const [localNote, setLocalNote] = useState<string | undefined>();
  const [cert, addCert] = useMutation(AddCertificationPolicyVersionMutation);
  const [training, addTraining] = useMutation(AddTrainingPolicyVersionMutation);
  const [ethics, addEthics] = useMutation(AddEthicsPolicyVersionMutation);
  const state = domain === 'certification' ? cert : domain === 'training' ? training : ethics;
  const server = fieldReasons(state.error);
  const reasonsFor: ReasonsFor = (field, exact = false) => {
    if (!exact) return server.reasonsFor(field);
    const reasons = server.problems.filter((p) => p.field === field).map((p) => p.reason);
    return reasons.length ? reasons.join('; ') : undefined;
  };
  // Reasons about paths the form has no field for (a value the version in force lacks) are listed on top.
  const fieldPaths = new Set<string>();
  const collect = (v: Json, path: string[]) => {
    fieldPaths.add(['values', ...path].join('.'));
    if (isObject(v)) for (const [k, x] of Object.entries(v)) collect(x, [...path, k]);
    else if (Array.isArray(v) && v.some(isObject)) v.forEach((x, i) => collect(x, [...path, String(i)]));
  };
  collect(values, []);
  const placed = ['effectiveFrom', 'note', ...fieldPaths];
  const changedCount = Object.keys({ ...original, ...values }).filter((k) => !sameJson(values[k], original[k])).length;
  const past = /^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) && effectiveFrom < todayInNc();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!note.trim()) return setLocalNote('say what changes and why (kept with the version)');
    setLocalNote(undefined);
    const input = { effectiveFrom, values, note: note.trim() };
    const r = domain === 'certification' ? await addCert({ input }) : domain === 'training' ? await addTraining({ input }) : await addEthics({ input });
    const added = r.data?.added;
    if (added) onAdded(added);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${domain}-add-title`} data-testid="policy-version-form" aria-busy={state.fetching}>
      <Stack gap="sm">
        <h3 id={`${domain}-add-title`}>New {domainLabel.toLowerCase()} policy version</h3>
        <Text size="sm" c="dimmed">
          Prefilled from the version in force since {inForce.effectiveFrom}. Cases already submitted keep the version they were judged by.
        </Text>
        <RefusalAlert error={state.error} title="The version was not added" placed={placed} testId="policy-version-error" />
        <Group align="flex-start" grow wrap="wrap">
          <TextInput
            type="date"
            label="Effective from"
            required
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            error={reasonsFor('effectiveFrom')}
            errorProps={{ 'data-testid': 'policy-effective-from-error' }}
            description="The first day the new numbers apply."
          />
          <Textarea
            label="Note"
            required
            autosize
            minRows={1}
            description="What changes and why."
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={localNote ?? reasonsFor('note')}
          />
        </Group>
        {past && (
          <Alert color="orange" variant="light" title="An effective date in the past" data-testid="policy-past-warning">
            This version would be the one in force from {effectiveFrom}: work not yet decided that is judged by the policy of a day since then would use
            it. The server accepts it; check this is intended.
          </Alert>
        )}
        {chunks(orderedEntries(values)).map((chunk) => {
          const fields = chunk.map(([k, v]) => (
            <ValueField
              key={k}
              name={keyLabel(k)}
              path={[k]}
              value={v}
              original={original[k]}
              reasonsFor={reasonsFor}
              onChange={(path, next) => setValues((all) => setAt(all, path, next) as JsonObject)}
            />
          ));
          // Runs of plain numbers and switches in two columns; groups and lists full width.
          return isPlain(chunk[0]![1]) ? (
            <SimpleGrid key={chunk[0]![0]} cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              {fields}
            </SimpleGrid>
          ) : (
            fields
          );
        })}
        <Text size="sm" role="status" data-testid="policy-changed-count">
          {changedCount === 0 ? 'No value changed from the version in force yet.' : `${changedCount} ${changedCount === 1 ? 'setting differs' : 'settings differ'} from the version in force.`}
        </Text>
        <Group>
          <Button type="submit" loading={state.fetching}>
            Add the version
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
