// The admin's work queues: what waits in every domain — applications awaiting review (those held
// because a complaint is open against the applicant marked), complaints awaiting acknowledgment with
// their due date, course submissions in review, certifications falling due within 90 days with the
// hours done since the last certification (training) against what the renewal needs
// (certification), and trainers with an open complaint who teach an upcoming session. Each section
// says its total and links every item to its own page, where the work is done.
// One query per domain owning queues (see queueDocuments.ts): when a subgraph does not answer, its
// queues are marked unavailable under a notice naming it, and the other domains' queues are shown.
import { Link } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { ExportLink } from '../../components/ExportLink';
import { Loading } from '../../components/Status';
import { partState, PartsProblem, Unavailable, type PartState } from '../../components/Unavailable';
import { countLabel, courseKindLabel, displayName, formatHours } from '../../format';
import type { WorkQueuesCertificationQuery, WorkQueuesEthicsQuery, WorkQueuesTrainingQuery } from '../../gql/graphql';
import { APPLICATION_STATUS_LABELS, CERTIFICATION_STATUS_LABELS, enumWords, label } from '../../labels';
import { WorkQueuesCertificationDocument, WorkQueuesEthicsDocument, WorkQueuesTrainingDocument } from './queueDocuments';
import { acknowledgmentDueOn, acknowledgmentOverdue, hoursProgress, teachingRespondents } from './queueModel';
import { MissingQueueSection, QueueSection } from './QueueSection';

/** Items shown per section; the total is always the queue's own. */
export const QUEUE_PAGE_SIZE = 50;
export const DUE_WITHIN_DAYS = 90;

type Certification = WorkQueuesCertificationQuery;
type Ethics = WorkQueuesEthicsQuery;
type Training = WorkQueuesTrainingQuery;

// Others work these queues all day: show the cached queues at once and refresh on every visit.
const POLICY = { requestPolicy: 'cache-and-network' } as const;

export function WorkQueuesPage() {
  const [certification, reexecuteCertification] = useQuery({ query: WorkQueuesCertificationDocument, variables: { first: QUEUE_PAGE_SIZE, withinDays: DUE_WITHIN_DAYS }, ...POLICY });
  const [ethics, reexecuteEthics] = useQuery({ query: WorkQueuesEthicsDocument, variables: { first: QUEUE_PAGE_SIZE }, ...POLICY });
  const [training, reexecuteTraining] = useQuery({ query: WorkQueuesTrainingDocument, variables: { first: QUEUE_PAGE_SIZE }, ...POLICY });
  const retry = () => {
    for (const reexecute of [reexecuteCertification, reexecuteEthics, reexecuteTraining]) reexecute({ requestPolicy: 'network-only' });
  };
  const results = [certification, ethics, training];
  // The page is drawn once every domain has answered or failed, so its sections do not jump about.
  const settled = results.every((r) => partState(r) !== 'loading');
  const busy = results.some((r) => r.fetching);

  return (
    <section aria-labelledby="queues-title">
      <title>Work queues · CPSS Platform</title>
      <h1 id="queues-title">Work queues</h1>
      <p className="lede">What is waiting in certification, ethics and training, with a link to each item’s own page.</p>
      <PartsProblem results={results} title="Some of the queues could not be loaded" onRetry={retry} />
      {!settled && <Loading>Loading the work queues…</Loading>}
      {settled && <Queues certification={part(certification)} ethics={part(ethics)} training={part(training)} busy={busy} />}
    </section>
  );
}

/** A domain's answer, or why there is none. */
type Part<T> = { state: 'ready'; data: T } | { state: Exclude<PartState, 'ready' | 'loading'> };

function part<T>(result: { data?: T; error?: CombinedError }): Part<T> {
  const state = partState(result);
  return state === 'ready' ? { state, data: result.data! } : { state: state === 'unavailable' ? 'unavailable' : 'failed' };
}

function Queues({ certification: c, ethics: e, training: t, busy }: { certification: Part<Certification>; ethics: Part<Ethics>; training: Part<Training>; busy: boolean }) {
  const trainers = e.state === 'ready' ? teachingRespondents(e.data.openComplaintRespondents) : null;
  const sections = [
    { id: 'queue-applications', title: 'Applications awaiting review', total: c.state === 'ready' ? c.data.awaitingReview.totalCount : null },
    { id: 'queue-complaints', title: 'Complaints awaiting acknowledgment', total: e.state === 'ready' ? e.data.awaitingAcknowledgment.totalCount : null },
    { id: 'queue-submissions', title: 'Course submissions in review', total: t.state === 'ready' ? t.data.submissionsInReview.totalCount : null },
    { id: 'queue-renewals', title: `Certifications due within ${DUE_WITHIN_DAYS} days`, total: c.state === 'ready' ? c.data.certificationsDue.totalCount : null },
    { id: 'queue-trainers', title: 'Trainers with an open complaint and upcoming sessions', total: trainers ? trainers.length : null },
  ];

  return (
    <>
      <nav aria-label="Queues on this page" className="card queue-summary" data-testid="queue-summary">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>
                {s.title}: {s.total == null ? <Unavailable what={s.title} /> : <strong>{s.total}</strong>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {c.state === 'ready' ? <Applications queue={c.data.awaitingReview} busy={busy} /> : <MissingQueueSection id="queue-applications" title={sections[0]!.title} state={c.state} />}
      {e.state === 'ready' ? <Complaints queue={e.data.awaitingAcknowledgment} busy={busy} /> : <MissingQueueSection id="queue-complaints" title={sections[1]!.title} state={e.state} />}
      {t.state === 'ready' ? <Submissions queue={t.data.submissionsInReview} busy={busy} /> : <MissingQueueSection id="queue-submissions" title={sections[2]!.title} state={t.state} />}
      {c.state === 'ready' ? <Renewals queue={c.data.certificationsDue} busy={busy} /> : <MissingQueueSection id="queue-renewals" title={sections[3]!.title} state={c.state} />}
      {trainers ? <Trainers trainers={trainers} busy={busy} /> : <MissingQueueSection id="queue-trainers" title={sections[4]!.title} state={e.state === 'ready' ? 'failed' : e.state} />}
    </>
  );
}

function Applications({ queue, busy }: { queue: Certification['awaitingReview']; busy: boolean }) {
  const held = queue.edges.filter(({ node }) => node.heldForComplaint).length;
  return (
    <QueueSection
      id="queue-applications"
      exportLink={<ExportLink list="queue-applications" />}
      title="Applications awaiting review"
      total={queue.totalCount}
      status={countLabel(queue.totalCount, queue.edges.length, 'application', 'applications') + (held ? `; ${held} held for a complaint` : '')}
      intro="Submitted, in review or on hold; those held while a complaint against the applicant is open are marked."
      more={{ to: '/applications', text: 'Open the application queue' }}
      empty="No application is waiting for review."
      busy={busy}
      head={['Applicant', 'Kind', 'Status', 'Submitted', 'Processing']}
      rows={queue.edges.map(({ node: a }) => (
        <tr key={a.id} data-testid="queue-applications-row" data-id={a.id}>
          <th scope="row">
            <Link to={`/applications/${a.id}`}>{displayName(a.person)}</Link>
          </th>
          <td>{enumWords(a.kind)}</td>
          <td>
            {label(APPLICATION_STATUS_LABELS, a.status)}
            {a.heldForComplaint && (
              <span className="badge badge--bad" data-testid="held-for-complaint" title={a.holdReason ?? undefined}>
                Held: complaint open
              </span>
            )}
          </td>
          <td>{a.submittedOn ? <time dateTime={a.submittedOn}>{a.submittedOn}</time> : '—'}</td>
          <td>
            {a.processingClock ? (
              <>
                {a.processingClock.businessDaysWaiting} of {a.processingClock.targetBusinessDays} business days
                {a.processingClock.overdue && <span className="badge badge--bad">Overdue</span>}
              </>
            ) : (
              '—'
            )}
          </td>
        </tr>
      ))}
    />
  );
}

function Complaints({ queue, busy }: { queue: Ethics['awaitingAcknowledgment']; busy: boolean }) {
  return (
    <QueueSection
      id="queue-complaints"
      exportLink={<ExportLink list="queue-complaints" />}
      title="Complaints awaiting acknowledgment"
      total={queue.totalCount}
      status={countLabel(queue.totalCount, queue.edges.length, 'complaint', 'complaints')}
      intro="Received and not yet acknowledged, oldest first, with the date the acknowledgment is due."
      more={{ to: '/complaints', text: 'Open the complaint queue' }}
      empty="No complaint is waiting to be acknowledged."
      busy={busy}
      head={['Reference', 'About', 'Received', 'Acknowledgment due']}
      rows={queue.edges.map(({ node: c }) => {
        const due = acknowledgmentDueOn(c);
        return (
          <tr key={c.id} data-testid="queue-complaints-row" data-id={c.id}>
            <th scope="row">
              <Link to={`/complaints/${c.id}`}>{c.referenceNumber}</Link>
            </th>
            <td>{c.respondent ? displayName(c.respondent) : (c.respondentDescription ?? enumWords(c.subjectKind))}</td>
            <td>
              <time dateTime={c.receivedOn}>{c.receivedOn}</time>
            </td>
            <td data-testid="acknowledgment-due">
              {due ? <time dateTime={due}>{due}</time> : '—'}
              {acknowledgmentOverdue(c) && <span className="badge badge--bad">Overdue</span>}
            </td>
          </tr>
        );
      })}
    />
  );
}

function Submissions({ queue, busy }: { queue: Training['submissionsInReview']; busy: boolean }) {
  return (
    <QueueSection
      id="queue-submissions"
      exportLink={<ExportLink list="queue-submissions" />}
      title="Course submissions in review"
      total={queue.totalCount}
      status={countLabel(queue.totalCount, queue.edges.length, 'submission', 'submissions')}
      intro="Received or with the review team, oldest first, with the review clock."
      more={{ to: '/course-reviews', text: 'Open the course reviews' }}
      empty="No course submission is in review."
      busy={busy}
      head={['Course', 'Kind', 'Status', 'Submitted', 'Review clock']}
      rows={queue.edges.map(({ node: s }) => (
        <tr key={s.id} data-testid="queue-submissions-row" data-id={s.id}>
          <th scope="row">
            <Link to={`/course-reviews/${s.id}`}>{s.course.title}</Link>
          </th>
          <td>
            {courseKindLabel(s.course.kind)}
            <div className="muted">
              {enumWords(s.purpose)}
              {s.attempt > 1 && `, attempt ${s.attempt}`}
            </div>
          </td>
          <td>{enumWords(s.status)}</td>
          <td>{s.submittedOn ? <time dateTime={s.submittedOn}>{s.submittedOn}</time> : '—'}</td>
          <td>
            {s.reviewClock ? (
              <>
                {s.reviewClock.businessDaysElapsed} of {s.reviewClock.targetMaxBusinessDays} business days, due by <time dateTime={s.reviewClock.dueBy}>{s.reviewClock.dueBy}</time>
                {s.reviewClock.overdue && <span className="badge badge--bad">Overdue</span>}
              </>
            ) : (
              '—'
            )}
          </td>
        </tr>
      ))}
    />
  );
}

function Renewals({ queue, busy }: { queue: Certification['certificationsDue']; busy: boolean }) {
  return (
    <QueueSection
      id="queue-renewals"
      exportLink={<ExportLink list="queue-renewals" params={{ withinDays: DUE_WITHIN_DAYS }} />}
      title={`Certifications due within ${DUE_WITHIN_DAYS} days`}
      total={queue.totalCount}
      status={countLabel(queue.totalCount, queue.edges.length, 'certification', 'certifications')}
      intro="Soonest first, with the training hours done since the last certification against the hours a renewal needs."
      empty={`No certification falls due in the next ${DUE_WITHIN_DAYS} days.`}
      busy={busy}
      head={['Holder', 'Certification', 'Due', 'Training hours', 'Ethics hours']}
      rows={queue.edges.map(({ node: c }) => {
        // Null when training did not answer: the hours are unavailable, not zero.
        const hours = c.trainingHoursSinceLastCertification == null ? null : hoursProgress(c.trainingHoursSinceLastCertification, c.renewalHoursRequired);
        return (
          <tr key={c.id} data-testid="queue-renewals-row" data-id={c.id}>
            <th scope="row">
              <Link to={`/people/${c.person.id}`}>{displayName(c.person)}</Link>
            </th>
            <td>
              {c.number}
              <div className="muted">{label(CERTIFICATION_STATUS_LABELS, c.status)}</div>
            </td>
            <td>
              <time dateTime={c.dueOn}>{c.dueOn}</time>
            </td>
            <td data-testid="renewal-hours">
              {hours ? (
                <>
                  {formatHours(hours.done)} of {formatHours(hours.required)}
                  {hours.met ? <span className="badge badge--good">Met</span> : <div className="muted">{formatHours(hours.missing)} to go</div>}
                </>
              ) : (
                <>
                  <Unavailable what="Training hours" /> of {formatHours(c.renewalHoursRequired)}
                </>
              )}
            </td>
            <td data-testid="renewal-ethics-hours">{c.ethicsTrainingHoursSinceLastCertification == null ? <Unavailable what="Ethics hours" /> : formatHours(c.ethicsTrainingHoursSinceLastCertification)}</td>
          </tr>
        );
      })}
    />
  );
}

type Respondent = Ethics['openComplaintRespondents'][number];

function Trainers({ trainers, busy }: { trainers: Respondent[]; busy: boolean }) {
  return (
    <QueueSection
      id="queue-trainers"
      title="Trainers with an open complaint and upcoming sessions"
      total={trainers.length}
      status={countLabel(trainers.length, trainers.length, 'trainer', 'trainers')}
      intro="People a complaint not yet closed is about who are scheduled to teach: worth a look before their sessions start."
      empty="No trainer with an open complaint has an upcoming session."
      busy={busy}
      head={['Trainer', 'Standing', 'Upcoming sessions']}
      rows={trainers.map((p) => (
        <tr key={p.id} data-testid="queue-trainers-row" data-id={p.id}>
          <th scope="row">
            <Link to={`/people/${p.id}`}>{displayName(p)}</Link>
          </th>
          <td>{p.trainerProfile?.status === 'REMOVED' ? <span className="badge badge--bad">Removed as trainer</span> : 'Active'}</td>
          <td>
            <ul className="plain-list">
              {p.trainerProfile!.upcomingSessions.map((s) => (
                <li key={s.id}>
                  <Link to={`/sessions/${s.id}`}>{s.course.title}</Link>, <time dateTime={s.firstDay}>{s.firstDay}</time>
                  {s.lastDay !== s.firstDay && (
                    <>
                      {' '}
                      to <time dateTime={s.lastDay}>{s.lastDay}</time>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    />
  );
}
