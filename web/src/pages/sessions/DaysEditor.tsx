// The days of a session and their hours, shared by scheduling and rescheduling: one row per day,
// added and removed with buttons, with the running total against the course's face-to-face hours
// (the server refuses a plan whose hours do not add up, and says so next to the days).
import { Button, Fieldset, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { formatHours } from '../../format';
import { addDays } from './sessionFormat';

export interface DayRow {
  key: number;
  date: string;
  hours: number | '';
}

let nextKey = 1;
export const newDay = (date = '', hours: number | '' = ''): DayRow => ({ key: nextKey++, date, hours });

export function DaysEditor({
  idPrefix,
  days,
  onChange,
  faceToFaceHours,
  error,
  dayError,
}: {
  idPrefix: string;
  days: DayRow[];
  onChange: (days: DayRow[]) => void;
  /** The course's face-to-face hours, when known: the days must add up to it. */
  faceToFaceHours: number | null;
  /** The server's (or the form's) reason about the days as a whole. */
  error?: string;
  /** The reason about one day's date or hours (by row index), when there is one. */
  dayError: (index: number, part: 'date' | 'hours') => string | undefined;
}) {
  const total = days.reduce((sum, d) => sum + (typeof d.hours === 'number' ? d.hours : 0), 0);
  const update = (key: number, change: Partial<DayRow>) => onChange(days.map((d) => (d.key === key ? { ...d, ...change } : d)));
  const errorId = `${idPrefix}-days-error`;

  return (
    <Fieldset legend="Days and hours" aria-describedby={error ? errorId : `${idPrefix}-days-total`} data-testid={`${idPrefix}-days`}>
      <Stack gap="xs">
        {days.map((d, i) => (
          <Group key={d.key} align="flex-start" wrap="wrap" data-testid={`${idPrefix}-day`}>
            <TextInput
              type="date"
              id={`${idPrefix}-day-${d.key}-date`}
              label={`Day ${i + 1} date`}
              value={d.date}
              onChange={(e) => update(d.key, { date: e.currentTarget.value })}
              error={dayError(i, 'date')}
              required
            />
            <NumberInput
              id={`${idPrefix}-day-${d.key}-hours`}
              label={`Day ${i + 1} hours`}
              value={d.hours}
              onChange={(v) => update(d.key, { hours: typeof v === 'number' ? v : v === '' ? '' : Number(v) })}
              min={0.25}
              max={12}
              step={0.5}
              decimalScale={2}
              error={dayError(i, 'hours')}
              w={140}
              required
            />
            <Button variant="subtle" color="red" mt={26} onClick={() => onChange(days.filter((x) => x.key !== d.key))} disabled={days.length === 1}>
              Remove day {i + 1}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => onChange([...days, newDay(days.length && days.at(-1)!.date ? addDays(days.at(-1)!.date, 1) : '', days.at(-1)?.hours ?? '')])}>
            Add a day
          </Button>
          <Text id={`${idPrefix}-days-total`} size="sm" data-testid={`${idPrefix}-days-total`}>
            Total {formatHours(total)} hours
            {faceToFaceHours != null && ` of the course's ${formatHours(faceToFaceHours)} face-to-face hours`}
          </Text>
        </Group>
        {error && (
          <Text id={errorId} c="red.8" size="sm" role="alert" data-testid={`${idPrefix}-days-error`}>
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
