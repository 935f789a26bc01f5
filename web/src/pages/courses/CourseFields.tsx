// The course's own fields (title, kind, hours), shared by "New course" and editing a draft or
// denied course; the server's reasons show under the field they name.
import { Checkbox, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { COURSE_KIND_LABELS, formatHours } from '../../format';
import type { FieldProblem } from '../../graphql';
import type { CourseKind } from '../../gql/graphql';
import { reasonsFor } from './shared';

export interface CourseFieldValues {
  title: string;
  kind: CourseKind | null;
  faceToFaceHours: number | '';
  preWorkHours: number | '';
  childAndFamily: boolean;
}

export function CourseFields({
  idPrefix,
  values,
  onChange,
  local,
  problems,
}: {
  idPrefix: string;
  values: CourseFieldValues;
  onChange: (v: CourseFieldValues) => void;
  local: Record<string, string>;
  problems: readonly FieldProblem[];
}) {
  const err = (field: string) => {
    const list = [...(local[field] ? [local[field]] : []), ...reasonsFor(problems, field)];
    return list.length ? <span data-testid={`${idPrefix}-${field}-error`}>{list.join('; ')}</span> : undefined;
  };
  const set = <K extends keyof CourseFieldValues>(k: K, v: CourseFieldValues[K]) => onChange({ ...values, [k]: v });
  const total = (Number(values.faceToFaceHours) || 0) + (Number(values.preWorkHours) || 0);
  return (
    <Stack gap="md">
      <TextInput id={`${idPrefix}-title`} label="Title" required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={err('title')} maxLength={200} />
      <Select
        id={`${idPrefix}-kind`}
        label="Kind of course"
        required
        placeholder="Choose a kind"
        data={Object.entries(COURSE_KIND_LABELS).map(([value, text]) => ({ value, label: text }))}
        value={values.kind}
        onChange={(v) => set('kind', (v as CourseKind | null) ?? null)}
        error={err('kind')}
      />
      <NumberInput
        id={`${idPrefix}-f2f`}
        label="Face-to-face hours"
        required
        min={0.5}
        max={500}
        step={0.5}
        decimalScale={2}
        value={values.faceToFaceHours}
        onChange={(v) => set('faceToFaceHours', v === '' ? '' : Number(v))}
        error={err('faceToFaceHours')}
      />
      <NumberInput
        id={`${idPrefix}-prework`}
        label="Pre-work hours"
        min={0}
        max={500}
        step={0.5}
        decimalScale={2}
        value={values.preWorkHours}
        onChange={(v) => set('preWorkHours', v === '' ? '' : Number(v))}
        error={err('preWorkHours')}
      />
      <Text size="sm" data-testid={`${idPrefix}-total`}>
        Total: {formatHours(total)} hours. The daily agenda must add up to this, with the pre-work as day 0.
      </Text>
      <Checkbox
        id={`${idPrefix}-cf`}
        label="About children and families (certification counts a limited number of such hours)"
        checked={values.childAndFamily}
        onChange={(e) => set('childAndFamily', e.currentTarget.checked)}
        error={err('childAndFamily')}
      />
    </Stack>
  );
}
