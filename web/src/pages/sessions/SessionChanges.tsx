// Moving or cancelling a session, each with a reason, at the version the page was loaded with: a
// change made meanwhile by someone else comes back as CONFLICT and is said so, with a reload. The
// server sends the enrolled and waitlisted people a notice of either change.
import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { TrainingSessionQuery } from '../../gql/graphql';
import { DaysEditor, newDay, type DayRow } from './DaysEditor';
import { fieldReasons, RefusalAlert } from './serverErrors';
import { CancelSessionDocument, RescheduleSessionDocument } from './sessionDocuments';

type Session = TrainingSessionQuery['trainingSession'];

export function RescheduleForm({ session, onDone, onClose, onReload }: { session: Session; onDone: (message: string) => void; onClose: () => void; onReload: () => void }) {
  const [moving, move] = useMutation(RescheduleSessionDocument);
  const [days, setDays] = useState<DayRow[]>(() => session.days.map((d) => newDay(d.date, d.hours)));
  const [opensOn, setOpensOn] = useState(session.registrationOpensOn);
  const [closesOn, setClosesOn] = useState(session.registrationClosesOn);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldReasons(moving.error);
  const why = (field: string) => [local[field], server.exactly(field)].filter(Boolean).join('; ') || undefined;
  const dayError = (i: number, part: 'date' | 'hours') => [local[`days.${i}.${part}`], server.reasonsFor(`days.${i}.${part}`)].filter(Boolean).join('; ') || undefined;
  const waiting = session.enrolledCount + session.waitlistCount;
  const heading = useFocusOnOpen();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!reason.trim()) problems['reason'] = 'say why the session moves (the participants are told)';
    if (!opensOn) problems['registrationOpensOn'] = 'enter the day registration opens';
    if (!closesOn) problems['registrationClosesOn'] = 'enter the day registration closes';
    days.forEach((d, i) => {
      if (!d.date) problems[`days.${i}.date`] = 'enter the date';
      if (d.hours === '') problems[`days.${i}.hours`] = 'enter the hours';
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const result = await move({
      input: {
        sessionId: session.id,
        expectedVersion: session.version,
        registrationOpensOn: opensOn,
        registrationClosesOn: closesOn,
        days: days.map((d) => ({ date: d.date, hours: d.hours as number })),
        reason: reason.trim(),
      },
    });
    const moved = result.data?.rescheduleTrainingSession;
    if (moved) onDone(`The session now runs ${moved.firstDay}${moved.lastDay !== moved.firstDay ? ` to ${moved.lastDay}` : ''}. ${noticeWords(notified(moved.timeline) ?? waiting)}`);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={moving.fetching} aria-labelledby="reschedule-title" data-testid="reschedule-form">
      <Stack gap="sm">
        <h3 id="reschedule-title" ref={heading} tabIndex={-1}>
          Reschedule
        </h3>
        <DaysEditor idPrefix="reschedule" days={days} onChange={setDays} faceToFaceHours={session.course.faceToFaceHours} error={why('days')} dayError={dayError} />
        <Group align="flex-start" wrap="wrap">
          <TextInput type="date" label="Registration opens" value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} error={why('registrationOpensOn')} required />
          <TextInput type="date" label="Registration closes" value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} error={why('registrationClosesOn')} required />
        </Group>
        <Textarea label="Reason for the change" description="Sent to everyone enrolled or waitlisted" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={why('reason')} required autosize minRows={2} />
        <RefusalAlert error={moving.error} title="The session was not moved" placed={['days', 'registrationOpensOn', 'registrationClosesOn', 'reason']} onReload={onReload} testId="reschedule-refusal" />
        <Group>
          <Button type="submit" loading={moving.fetching}>
            Move the session
          </Button>
          <Button variant="default" onClick={onClose}>
            Keep the current dates
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CancelForm({ session, onDone, onClose, onReload }: { session: Session; onDone: (message: string) => void; onClose: () => void; onReload: () => void }) {
  const [cancelling, cancel] = useMutation(CancelSessionDocument);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const server = fieldReasons(cancelling.error);
  const waiting = session.enrolledCount + session.waitlistCount;
  const heading = useFocusOnOpen();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!reason.trim()) {
      setLocal('say why the session is cancelled (the participants are told)');
      return;
    }
    setLocal(undefined);
    const result = await cancel({ input: { sessionId: session.id, expectedVersion: session.version, reason: reason.trim() } });
    const cancelled = result.data?.cancelTrainingSession;
    if (cancelled) onDone(`The session is cancelled. ${noticeWords(notified(cancelled.timeline) ?? waiting)}`);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={cancelling.fetching} aria-labelledby="cancel-title" data-testid="cancel-form">
      <Stack gap="sm">
        <h3 id="cancel-title" ref={heading} tabIndex={-1}>
          Cancel the session
        </h3>
        <Alert color="red">Cancelling cannot be undone. {waiting > 0 ? `The ${waiting} people enrolled or waitlisted are told, with your reason.` : 'No one has registered yet.'}</Alert>
        <Textarea
          label="Reason for cancelling"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={[local, server.exactly('reason')].filter(Boolean).join('; ') || undefined}
          required
          autosize
          minRows={2}
        />
        <RefusalAlert error={cancelling.error} title="The session was not cancelled" placed={['reason']} onReload={onReload} testId="cancel-refusal" />
        <Group>
          <Button type="submit" color="red" loading={cancelling.fetching}>
            Cancel the session
          </Button>
          <Button variant="default" onClick={onClose}>
            Keep the session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A form opened by a button takes the keyboard focus to its heading, so keyboard and screen-reader users land in it. */
function useFocusOnOpen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** How many people the server sent a notice, as it recorded with the change (the newest timeline entry). */
function notified(timeline: readonly { facts?: Record<string, unknown> | null }[]): number | null {
  const n = timeline.at(-1)?.facts?.['notified'];
  return typeof n === 'number' ? n : null;
}

function noticeWords(people: number): string {
  if (people === 0) return 'No one is registered, so no one needed a notice.';
  return `${people} ${people === 1 ? 'person' : 'people'} enrolled or waitlisted ${people === 1 ? 'was' : 'were'} sent a notice.`;
}
