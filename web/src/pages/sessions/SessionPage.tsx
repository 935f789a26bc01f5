// One session, for its trainer (or program staff): the facts, the days, the roster in arrival order
// and the waitlist in its order, attendance day by day, the completions with their certificates'
// verification codes, moving or cancelling with a reason, and the session's timeline. Staff can also
// register a person for the session.
import { Alert, Badge, Button, Group, List, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { Timeline } from '../../components/Timeline';
import { courseKindLabel, formatHours } from '../../format';
import type { TrainingSessionQuery } from '../../gql/graphql';
import { isStaff } from '../../roles';
import { useUser } from '../../session';
import { SessionsFrame } from './SessionsFrame';
import { AttendancePanel } from './AttendancePanel';
import { CancelForm, RescheduleForm } from './SessionChanges';
import { RefusalAlert } from './serverErrors';
import { RegisterForSessionDocument, TrainingSessionDocument, TrainingSessionNamesDocument } from './sessionDocuments';
import { dayLabel, DELIVERY_LABELS, ENROLLMENT_STATUS_COLORS, ENROLLMENT_STATUS_LABELS, participantLabel, SESSION_STATUS_LABELS, sessionPhase, shortId, todayInNc } from './sessionFormat';

type Session = TrainingSessionQuery['trainingSession'];

export function SessionPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const user = useUser();
  const [result, reexecute] = useQuery({ query: TrainingSessionDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const [names, reexecuteNames] = useQuery({ query: TrainingSessionNamesDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteNames({ requestPolicy: 'network-only' });
  };
  const [changing, setChanging] = useState<'reschedule' | 'cancel' | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { scheduled?: boolean } | null)?.scheduled ? 'The session is scheduled.' : null);
  const session = result.data?.trainingSession;
  const today = todayInNc();

  if (result.error && !session) {
    return (
      <>
        <title>Session · CPSS Platform</title>
        <h1>Session</h1>
        <ErrorAlert error={result.error} title="Could not load the session" onRetry={reload} />
        <p>
          <Link to="/sessions">Back to the sessions</Link>
        </p>
      </>
    );
  }
  if (!session) return <Loading>Loading the session…</Loading>;

  // Participants are numbered by arrival and named, the same label everywhere on the page.
  const people = new Map((names.data?.trainingSession.roster ?? []).map((e) => [e.personId, e.person]));
  const labels = new Map(session.roster.map((e, i) => [e.personId, participantLabel(i, e.personId, people.get(e.personId))]));
  const name = (personId: string) => labels.get(personId) ?? participantLabel(0, personId);
  const waitlist = session.roster.filter((e) => e.status === 'WAITLISTED').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const completions = session.roster.filter((e) => e.certificate);
  const required = session.course.faceToFaceHours + session.course.preWorkHours;
  const scheduled = session.status === 'SCHEDULED';
  const done = (message: string) => {
    setNotice(message);
    setChanging(null);
  };

  return (
    <SessionsFrame>
      <title>{`${session.course.title}, ${session.firstDay} · CPSS Platform`}</title>
      <p>
        <Link to="/sessions">← Sessions</Link>
      </p>
      <h1>{session.course.title}</h1>
      <Group gap="xs" mb="sm">
        <Badge color={scheduled ? 'teal' : 'gray'} variant="light" size="lg" tt="none" data-testid="session-status">
          {SESSION_STATUS_LABELS[session.status]}
        </Badge>
        {scheduled && <Text size="sm">{sessionPhase(session, today)}</Text>}
      </Group>
      {notice && (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)} mb="sm" data-testid="session-notice">
          {notice}
        </Alert>
      )}
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the session" onRetry={reload} />}

      <dl className="facts card" data-testid="session-facts">
        <div>
          <dt>Course</dt>
          <dd>
            {courseKindLabel(session.course.kind)}: {formatHours(session.course.faceToFaceHours)} face-to-face hours
            {session.course.preWorkHours > 0 && ` + ${formatHours(session.course.preWorkHours)} of pre-work`}
          </dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd data-testid="session-dates">
            {session.firstDay}
            {session.lastDay !== session.firstDay && ` to ${session.lastDay}`}
          </dd>
        </div>
        <div>
          <dt>Delivery</dt>
          <dd data-testid="session-place">
            {DELIVERY_LABELS[session.delivery]}
            {session.delivery === 'IN_PERSON' ? `: ${session.address ?? ''}${session.county ? `, ${session.county} County` : ''}` : session.meetingUrl ? `: ${session.meetingUrl}` : ''}
          </dd>
        </div>
        <div>
          <dt>Registration</dt>
          <dd>
            {session.registrationOpensOn} to {session.registrationClosesOn}
          </dd>
        </div>
        <div>
          <dt>Enrolled</dt>
          <dd data-testid="session-seats">
            {session.enrolledCount} of {session.capacity}
          </dd>
        </div>
        <div>
          <dt>Waitlist</dt>
          <dd data-testid="session-waitlist-count">{session.waitlistCount}</dd>
        </div>
        <div>
          <dt>Trainer</dt>
          <dd title={session.trainerPersonId}>{session.trainerPersonId === user.personId ? 'You' : `…${shortId(session.trainerPersonId)}`}</dd>
        </div>
      </dl>

      {scheduled && (
        <section className="card" aria-labelledby="changes-title">
          <h2 id="changes-title">Change the session</h2>
          {changing === null && (
            <Group>
              <Button variant="default" onClick={() => setChanging('reschedule')}>
                Reschedule
              </Button>
              <Button variant="outline" color="red" onClick={() => setChanging('cancel')}>
                Cancel the session…
              </Button>
            </Group>
          )}
          {changing === 'reschedule' && <RescheduleForm session={session} onDone={done} onClose={() => setChanging(null)} onReload={reload} />}
          {changing === 'cancel' && <CancelForm session={session} onDone={done} onClose={() => setChanging(null)} onReload={reload} />}
        </section>
      )}

      <section className="card" aria-labelledby="days-title">
        <h2 id="days-title">Days</h2>
        <List data-testid="session-days">
          {session.days.map((d) => (
            <List.Item key={d.date}>
              <time dateTime={d.date}>{dayLabel(d.date)}</time>: {formatHours(d.hours)} hours
            </List.Item>
          ))}
        </List>
      </section>

      <section className="card" aria-labelledby="roster-title">
        <h2 id="roster-title">Roster</h2>
        <Text size="sm" c="dimmed" mb="xs">
          Everyone who registered, numbered in the order they arrived.
        </Text>
        {names.error && !names.data && (
          <Text size="sm" role="status" data-testid="roster-names-missing">
            Participants’ names could not be loaded just now; they are shown by number and person id.
          </Text>
        )}
        <Roster session={session} name={name} required={required} />
      </section>

      <section className="card" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title">Waitlist</h2>
        {waitlist.length === 0 ? (
          <p className="muted" data-testid="waitlist-empty">
            No one is waiting{session.enrolledCount < session.capacity ? `: ${seatsFree(session.capacity - session.enrolledCount)}` : ''}.
          </p>
        ) : (
          <ol data-testid="waitlist">
            {waitlist.map((e) => (
              <li key={e.id} title={e.personId}>
                {name(e.personId)}, waiting since {new Date(e.registeredAt).toLocaleDateString()}
              </li>
            ))}
          </ol>
        )}
        <Text size="sm" c="dimmed">
          When a seat frees, the first person waiting gets it and a notice.
        </Text>
      </section>

      <section className="card" aria-labelledby="attendance-title">
        <h2 id="attendance-title">Attendance</h2>
        <AttendancePanel session={session} today={today} name={name} />
      </section>

      <section className="card" aria-labelledby="completions-title">
        <h2 id="completions-title">Completions and certificates</h2>
        {completions.length === 0 ? (
          <p className="muted" data-testid="completions-empty">
            No one has completed yet. A participant completes, and gets a certificate, when their hours reach {formatHours(required)}.
          </p>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table captionSide="top" data-testid="completions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Participant</Table.Th>
                  <Table.Th scope="col">Hours</Table.Th>
                  <Table.Th scope="col">Completed on</Table.Th>
                  <Table.Th scope="col">Verification code</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {completions.map((e) => (
                  <Table.Tr key={e.id} data-testid="completion-row" data-person-id={e.personId}>
                    <Table.Th scope="row" fw="normal" title={e.personId}>
                      {name(e.personId)}
                    </Table.Th>
                    <Table.Td>{formatHours(e.certificate!.hours)}</Table.Td>
                    <Table.Td>
                      <time dateTime={e.certificate!.completedOn}>{e.certificate!.completedOn}</time>
                    </Table.Td>
                    <Table.Td>
                      <code data-testid="certificate-code">{e.certificate!.verificationCode}</code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="sm" mt="xs">
          Anyone can check a code on the public{' '}
          <Link to="/verify">certificate verification page</Link>
          .
        </Text>
      </section>

      {isStaff(user.roles) && scheduled && (
        <section className="card" aria-labelledby="register-title">
          <h2 id="register-title">Register a person</h2>
          <RegisterPerson sessionId={session.id} onDone={(message) => { setNotice(message); reload(); }} />
        </section>
      )}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline entries={session.timeline} testId="session-timeline" />
      </section>
    </SessionsFrame>
  );
}

const seatsFree = (n: number) => (n === 1 ? '1 seat is free' : `${n} seats are free`);

function Roster({ session, name, required }: { session: Session; name: (personId: string) => string; required: number }) {
  if (session.roster.length === 0) {
    return (
      <p className="muted" data-testid="roster-empty">
        No one has registered yet.
      </p>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped captionSide="top" data-testid="roster">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Participant</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Registered</Table.Th>
            <Table.Th scope="col">Hours attended</Table.Th>
            <Table.Th scope="col">Certificate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {session.roster.map((e) => (
            <Table.Tr key={e.id} data-testid="roster-row" data-person-id={e.personId}>
              <Table.Th scope="row" fw="normal" title={e.personId} data-testid="roster-name">
                {name(e.personId)}
              </Table.Th>
              <Table.Td>
                <Badge color={ENROLLMENT_STATUS_COLORS[e.status]} variant="light" tt="none" data-testid="roster-status">
                  {ENROLLMENT_STATUS_LABELS[e.status]}
                </Badge>
                {e.waitlistPosition != null && (
                  <Text size="sm" span ml={6} data-testid="roster-place">
                    place {e.waitlistPosition}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <time dateTime={e.registeredAt}>{new Date(e.registeredAt).toLocaleString()}</time>
              </Table.Td>
              <Table.Td data-testid="roster-hours">
                {formatHours(e.attendedHours)} of {formatHours(required)}
              </Table.Td>
              <Table.Td>{e.certificate ? <code>{e.certificate.verificationCode}</code> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Staff register someone (a trainer cannot: the API takes a person id only from program staff). */
function RegisterPerson({ sessionId, onDone }: { sessionId: string; onDone: (message: string) => void }) {
  const [registering, register] = useMutation(RegisterForSessionDocument);
  const [personId, setPersonId] = useState('');
  const [local, setLocal] = useState<string | undefined>();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!personId.trim()) {
      setLocal('enter the person id');
      return;
    }
    setLocal(undefined);
    const result = await register({ input: { sessionId, personId: personId.trim() } });
    const enrollment = result.data?.registerForTrainingSession;
    if (enrollment) {
      setPersonId('');
      onDone(enrollment.status === 'WAITLISTED' ? `The person is on the waitlist, place ${enrollment.waitlistPosition ?? '?'}.` : 'The person is enrolled.');
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={registering.fetching} data-testid="register-form">
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Person id" value={personId} onChange={(e) => setPersonId(e.currentTarget.value)} error={local} miw={320} />
        <Button type="submit" loading={registering.fetching}>
          Register
        </Button>
      </Group>
      <RefusalAlert error={registering.error} title="The person was not registered" testId="register-refusal" />
    </form>
  );
}
