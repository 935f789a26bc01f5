// A trainer schedules a session of an approved, unexpired course they are registered to teach:
// days with hours, in person (address, county) or virtual (meeting link), class size and the
// registration window. The server judges the plan: its field reasons show next to the fields, the
// rules it found unmet (course not approved, trainer not registered, certification not active…)
// are listed above the button. The course list is the approved courses the trainer is registered
// to teach (coursesITeach).
import { Alert, Button, Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { NC_COUNTIES } from '@cpss/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/Status';
import { courseKindLabel, formatHours } from '../../format';
import { graphql } from '../../gql';
import type { SessionDelivery } from '../../gql/graphql';
import { DaysEditor, newDay, type DayRow } from './DaysEditor';
import { fieldReasons, RefusalAlert } from './serverErrors';
import { SessionsFrame } from './SessionsFrame';
import { todayInNc } from './sessionFormat';

const TeachableCoursesDocument = graphql(`
  query TeachableCourses {
    coursesITeach {
      id
      title
      kind
      status
      faceToFaceHours
      preWorkHours
      expiresOn
    }
    trainingPolicyInForce {
      id
      values
    }
  }
`);

const ScheduleSessionDocument = graphql(`
  mutation ScheduleTrainingSession($input: ScheduleTrainingSessionInput!) {
    scheduleTrainingSession(input: $input) {
      id
      status
      firstDay
      lastDay
      version
    }
  }
`);

const PLACED = ['courseId', 'delivery', 'address', 'county', 'meetingUrl', 'capacity', 'registrationOpensOn', 'registrationClosesOn', 'days'];

export function NewSessionPage() {
  const navigate = useNavigate();
  const [courses] = useQuery({ query: TeachableCoursesDocument, requestPolicy: 'cache-and-network' });
  const [scheduling, schedule] = useMutation(ScheduleSessionDocument);

  const [courseChoice, setCourseChoice] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<SessionDelivery>('IN_PERSON');
  const [address, setAddress] = useState('');
  const [county, setCounty] = useState<string | null>(null);
  const [meetingUrl, setMeetingUrl] = useState('');
  const [capacity, setCapacity] = useState<number | ''>('');
  const [opensOn, setOpensOn] = useState(todayInNc());
  const [closesOn, setClosesOn] = useState('');
  const [days, setDays] = useState<DayRow[]>([newDay()]);
  const [local, setLocal] = useState<Record<string, string>>({});

  const approved = useMemo(() => (courses.data?.coursesITeach ?? []).filter((c) => c.status === 'APPROVED'), [courses.data]);
  const course = approved.find((c) => c.id === courseChoice) ?? null;
  const defaultCapacity = courses.data?.trainingPolicyInForce.values['defaultClassCapacity'];

  const server = fieldReasons(scheduling.error);
  const reason = (field: string) => [local[field], server.exactly(field)].filter(Boolean).join('; ') || undefined;
  const dayError = (i: number, part: 'date' | 'hours') => [local[`days.${i}.${part}`], server.reasonsFor(`days.${i}.${part}`)].filter(Boolean).join('; ') || undefined;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const courseId = courseChoice;
    if (!courseId) problems['courseId'] = 'choose a course';
    if (!opensOn) problems['registrationOpensOn'] = 'enter the day registration opens';
    if (!closesOn) problems['registrationClosesOn'] = 'enter the day registration closes';
    days.forEach((d, i) => {
      if (!d.date) problems[`days.${i}.date`] = 'enter the date';
      if (d.hours === '') problems[`days.${i}.hours`] = 'enter the hours';
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const inPerson = delivery === 'IN_PERSON';
    const result = await schedule({
      input: {
        courseId: courseId!,
        delivery,
        address: inPerson ? address.trim() : null,
        county: inPerson ? county : null,
        meetingUrl: inPerson ? null : meetingUrl.trim() || null,
        capacity: capacity === '' ? null : capacity,
        registrationOpensOn: opensOn,
        registrationClosesOn: closesOn,
        days: days.map((d) => ({ date: d.date, hours: d.hours as number })),
      },
    });
    const id = result.data?.scheduleTrainingSession.id;
    if (id) navigate(`/sessions/${id}`, { state: { scheduled: true } });
  }

  const hasLocal = Object.keys(local).length > 0;

  return (
    <SessionsFrame>
      <title>Schedule a session · CPSS Platform</title>
      <p>
        <Link to="/sessions">← My sessions</Link>
      </p>
      <h1>Schedule a session</h1>
      <p className="lede">A session of an approved course you are registered to teach. People can register from the day registration opens; the waitlist fills once the class is full.</p>

      <form onSubmit={submit} noValidate aria-busy={scheduling.fetching} data-testid="schedule-form" className="card">
        <Stack gap="md">
          {courses.error && <ErrorAlert error={courses.error} title="Could not load your courses" />}
          <Select
            label="Course"
            placeholder={courses.fetching && !courses.data ? 'Loading your courses…' : 'Choose a course'}
            data={approved.map((c) => ({ value: c.id, label: `${c.title} (${courseKindLabel(c.kind)})` }))}
            value={courseChoice}
            onChange={setCourseChoice}
            error={reason('courseId')}
            description="The approved courses you are registered to teach. A course owner registers you for a course after you complete its training of trainers."
            nothingFoundMessage="You are not registered to teach an approved course yet"
            required
            allowDeselect={false}
            data-testid="course-select"
          />
          {course && (
            <Text size="sm" data-testid="course-hours">
              {formatHours(course.faceToFaceHours)} face-to-face hours
              {course.preWorkHours > 0 && ` plus ${formatHours(course.preWorkHours)} hours of pre-work`}
              {course.expiresOn && `; approved until ${course.expiresOn}, the last day must be on or before it`}.
            </Text>
          )}

          <Radio.Group label="Delivery" value={delivery} onChange={(v) => setDelivery(v as SessionDelivery)} error={reason('delivery')} required>
            <Group mt="xs">
              <Radio value="IN_PERSON" label="In person" />
              <Radio value="VIRTUAL" label="Virtual" />
            </Group>
          </Radio.Group>
          {delivery === 'IN_PERSON' ? (
            <Group align="flex-start" grow wrap="wrap">
              <TextInput label="Address" value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={reason('address')} required miw={240} />
              <Select
                label="County"
                placeholder="Choose a county"
                data={[...NC_COUNTIES]}
                value={county}
                onChange={setCounty}
                searchable
                error={reason('county')}
                required
                miw={200}
              />
            </Group>
          ) : (
            <TextInput
              label="Meeting link"
              description="An https link participants join with"
              type="url"
              value={meetingUrl}
              onChange={(e) => setMeetingUrl(e.currentTarget.value)}
              error={reason('meetingUrl')}
            />
          )}

          <NumberInput
            label="Capacity (class size)"
            description={`Leave empty for the program's default${typeof defaultCapacity === 'number' ? ` of ${defaultCapacity}` : ''}.`}
            value={capacity}
            onChange={(v) => setCapacity(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
            allowDecimal={false}
            error={reason('capacity')}
            w={260}
          />

          <Group align="flex-start" wrap="wrap">
            <TextInput type="date" label="Registration opens" value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} error={reason('registrationOpensOn')} required />
            <TextInput
              type="date"
              label="Registration closes"
              description="Before the first day"
              value={closesOn}
              onChange={(e) => setClosesOn(e.currentTarget.value)}
              error={reason('registrationClosesOn')}
              required
            />
          </Group>

          <DaysEditor idPrefix="schedule" days={days} onChange={setDays} faceToFaceHours={course?.faceToFaceHours ?? null} error={reason('days')} dayError={dayError} />

          {hasLocal && !scheduling.error && (
            <Alert color="red" title="The session was not scheduled" role="alert">
              Please correct the fields marked above.
            </Alert>
          )}
          <RefusalAlert error={scheduling.error} title="The session was not scheduled" placed={PLACED} testId="schedule-refusal" />
          <Group>
            <Button type="submit" loading={scheduling.fetching}>
              Schedule the session
            </Button>
            <Button component={Link} to="/sessions" variant="default">
              Back to my sessions
            </Button>
          </Group>
        </Stack>
      </form>
    </SessionsFrame>
  );
}
