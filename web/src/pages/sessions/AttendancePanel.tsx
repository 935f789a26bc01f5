// Attendance, day by day: the trainer picks a session day (or the course's pre-work), enters each
// participant's hours and records them. The server completes whoever reaches the course's hours and
// issues their certificate; the answer updates the roster in the cache, and what it decided is
// said here. A day can only be recorded once it has happened: the server says so next to the day.
import { Alert, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formatHours } from '../../format';
import type { TrainingSessionQuery } from '../../gql/graphql';
import { fieldReasons, RefusalAlert } from './serverErrors';
import { dayLabel, ENROLLMENT_STATUS_LABELS } from './sessionFormat';
import { RecordAttendanceDocument } from './sessionDocuments';

type Session = TrainingSessionQuery['trainingSession'];
type Hours = number | '';
const PRE_WORK = 'pre-work';

export function AttendancePanel({ session, today, name: nameOf }: { session: Session; today: string; name: (personId: string) => string }) {
  const [recording, record] = useMutation(RecordAttendanceDocument);
  const participants = session.roster.filter((e) => e.status === 'ENROLLED' || e.status === 'COMPLETED');
  const pastDays = session.days.filter((d) => d.date <= today);
  // The latest day that has happened; before the first day, the pre-work (the only thing recordable yet).
  const [day, setDay] = useState<string>(pastDays.at(-1)?.date ?? (session.course.preWorkHours > 0 ? PRE_WORK : (session.days[0]?.date ?? PRE_WORK)));
  // Hours typed but not yet recorded, per day and person; otherwise the recorded hours show.
  const [drafts, setDrafts] = useState<Record<string, Record<string, Hours>>>({});
  const [sent, setSent] = useState<{ day: string; personIds: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const required = session.course.faceToFaceHours + session.course.preWorkHours;
  const date = day === PRE_WORK ? null : day;
  const maxHours = date ? (session.days.find((d) => d.date === date)?.hours ?? 12) : session.course.preWorkHours;
  const recorded = (e: Session['roster'][number]) => e.attendance.find((a) => (a.date ?? null) === date)?.hours;
  const valueOf = (e: Session['roster'][number]): Hours => drafts[day]?.[e.personId] ?? recorded(e) ?? '';
  const setValue = (personId: string, v: Hours) => setDrafts((all) => ({ ...all, [day]: { ...all[day], [personId]: v } }));

  const dayOptions = [
    ...(session.course.preWorkHours > 0 ? [{ value: PRE_WORK, label: `Pre-work (up to ${formatHours(session.course.preWorkHours)} hours)` }] : []),
    ...session.days.map((d) => ({ value: d.date, label: `${dayLabel(d.date)} · ${formatHours(d.hours)} hours${d.date > today ? ' (not yet)' : ''}` })),
  ];

  // Server reasons: `date` about the day, `entries.<i>.*` about the i-th person sent.
  const server = fieldReasons(recording.error);
  const sentFor = sent && sent.day === day ? sent.personIds : [];
  const entryError = (personId: string) => {
    const i = sentFor.indexOf(personId);
    return i < 0 ? undefined : server.reasonsFor(`entries.${i}`);
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const entries = participants.flatMap((p) => {
      const v = valueOf(p);
      return v === '' ? [] : [{ personId: p.personId, hours: v }];
    });
    if (entries.length === 0) {
      setLocalError('Enter the hours of at least one participant');
      return;
    }
    setLocalError(null);
    const before = new Map(participants.map((p) => [p.id, p.status]));
    setSent({ day, personIds: entries.map((x) => x.personId) });
    const result = await record({ input: { sessionId: session.id, date, entries } });
    const answer = result.data?.recordTrainingAttendance;
    if (!answer) return;
    setDrafts((all) => ({ ...all, [day]: {} }));
    const completed = answer.filter((x) => x.status === 'COMPLETED' && before.get(x.id) === 'ENROLLED');
    const where = date ? dayLabel(date) : 'the pre-work';
    setDone(
      `Recorded the hours of ${entries.length} ${entries.length === 1 ? 'participant' : 'participants'} for ${where}.` +
        (completed.length
          ? ` ${completed.map((x) => `${nameOf(x.personId)} completed the course (certificate ${x.certificate?.verificationCode ?? 'pending'})`).join('; ')}.`
          : ''),
    );
  }

  if (session.status === 'CANCELLED') return <p className="muted">The session is cancelled: no attendance can be recorded.</p>;
  if (participants.length === 0) {
    return (
      <p className="muted" data-testid="attendance-empty">
        No one is enrolled yet: attendance can be recorded once people have registered.
      </p>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={recording.fetching} data-testid="attendance-form">
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Day"
            data={dayOptions}
            value={day}
            onChange={(v) => {
              if (v) setDay(v);
              setDone(null);
            }}
            allowDeselect={false}
            error={day === sent?.day ? server.exactly('date') : undefined}
            w={320}
            data-testid="attendance-day"
          />
          <Button
            variant="default"
            onClick={() => setDrafts((all) => ({ ...all, [day]: Object.fromEntries(participants.map((p) => [p.personId, maxHours])) }))}
          >
            Everyone: {formatHours(maxHours)} hours
          </Button>
        </Group>
        {date && date > today && (
          <Text size="sm" c="dimmed">
            This day has not happened yet; its attendance can be recorded from {date}.
          </Text>
        )}
        <Table.ScrollContainer minWidth={560}>
          <Table captionSide="top" data-testid="attendance-table">
            <Table.Caption>Hours per participant for {date ? dayLabel(date) : 'the pre-work'}; {formatHours(required)} hours complete the course</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Participant</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Hours so far</Table.Th>
                <Table.Th scope="col">Hours {date ? 'this day' : 'of pre-work'}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {participants.map((p) => {
                const name = nameOf(p.personId);
                return (
                  <Table.Tr key={p.id} data-testid="attendance-row" data-person-id={p.personId}>
                    <Table.Th scope="row" fw="normal" title={p.personId}>
                      {name}
                    </Table.Th>
                    <Table.Td>{ENROLLMENT_STATUS_LABELS[p.status]}</Table.Td>
                    <Table.Td data-testid="attendance-total">
                      {formatHours(p.attendedHours)} of {formatHours(required)}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Hours of ${name}`}
                        value={valueOf(p)}
                        onChange={(v) => setValue(p.personId, typeof v === 'number' ? v : v === '' ? '' : Number(v))}
                        min={0}
                        max={maxHours}
                        step={0.5}
                        decimalScale={2}
                        error={entryError(p.personId)}
                        w={140}
                        data-testid="attendance-hours"
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {localError && (
          <Alert color="red" role="alert" title="Nothing was recorded">
            {localError}
          </Alert>
        )}
        <RefusalAlert error={recording.error} title="The attendance was not recorded" placed={['date', 'entries']} testId="attendance-refusal" />
        {done && (
          <Alert color="teal" role="status" data-testid="attendance-done">
            {done}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={recording.fetching}>
            Record attendance
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
