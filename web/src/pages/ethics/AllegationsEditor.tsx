// Allegations mapped to principles of the Code of Ethics: at intake (the code in force on the
// incident date) and at triage (the case's own code). Server reasons come as `allegations.N.field`.
import { Button, Fieldset, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import type { EthicsPrinciple } from '../../gql/graphql';
import { enumWords } from '../../labels';

export interface AllegationDraft {
  key: number;
  principle: EthicsPrinciple | '';
  description: string;
}

export interface PrincipleOption {
  code: EthicsPrinciple;
  number: number;
  title: string;
}

let nextKey = 1;
export const newAllegation = (principle: EthicsPrinciple | '' = '', description = ''): AllegationDraft => ({ key: nextKey++, principle, description });

export function AllegationsEditor({
  legend,
  idPrefix,
  allegations,
  onChange,
  principles,
  reasonsFor,
  hint,
}: {
  legend: string;
  idPrefix: string;
  allegations: AllegationDraft[];
  onChange: (next: AllegationDraft[]) => void;
  principles: readonly PrincipleOption[];
  reasonsFor: (...fields: string[]) => string | undefined;
  hint?: string;
}) {
  const options = principles.map((p) => ({ value: p.code, label: `${p.number}. ${p.title}` }));
  const update = (key: number, change: Partial<AllegationDraft>) => onChange(allegations.map((a) => (a.key === key ? { ...a, ...change } : a)));
  const whole = reasonsFor('allegations');
  return (
    <Fieldset legend={legend} data-testid={`${idPrefix}-allegations`}>
      <Stack gap="sm">
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {allegations.map((a, i) => {
          // A principle no longer offered (e.g. another code) stays readable.
          const data = a.principle && !options.some((o) => o.value === a.principle) ? [{ value: a.principle, label: enumWords(a.principle) }, ...options] : options;
          return (
            <Group key={a.key} align="flex-start" grow wrap="wrap" data-testid="allegation">
              <Select
                label={`Allegation ${i + 1}: principle`}
                placeholder="Choose a principle"
                data={data}
                value={a.principle || null}
                onChange={(v) => update(a.key, { principle: (v ?? '') as EthicsPrinciple | '' })}
                error={reasonsFor(`allegations.${i}.principle`)}
                allowDeselect={false}
              />
              <Textarea
                label={`Allegation ${i + 1}: what was done`}
                autosize
                minRows={2}
                value={a.description}
                onChange={(e) => update(a.key, { description: e.currentTarget.value })}
                error={reasonsFor(`allegations.${i}.description`)}
              />
              <Button variant="default" onClick={() => onChange(allegations.filter((x) => x.key !== a.key))} style={{ flexGrow: 0, alignSelf: 'flex-end' }}>
                Remove allegation {i + 1}
              </Button>
            </Group>
          );
        })}
        {whole && !allegations.some((_, i) => reasonsFor(`allegations.${i}`)) && (
          <Text size="sm" c="red.9" role="alert">
            {whole}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={() => onChange([...allegations, newAllegation()])}>
            Add an allegation
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
