// A person as program staff see them, in one gateway query across the three subgraphs: who they
// are (certification), their certifications and applications (certification), their training
// record and, when they teach, their trainer profile — registrations and upcoming sessions
// (training), Code of Ethics acknowledgments, public disciplinary status, open complaints and any
// bar from teaching (ethics), and — for ethics staff and admins only — complaints about them and
// sanctions. Parts a role may not read are asked for only when it may (@include / @skip), so no
// one else's request touches them. When training or ethics does not answer, the rest is shown with
// a notice naming it and its parts marked unavailable (their fields come back null).
import { Badge, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ExportLink } from '../../components/ExportLink';
import { Loading } from '../../components/Status';
import { ResponseProblem, Unavailable, UNAVAILABLE } from '../../components/Unavailable';
import { courseKindLabel, displayName, formatHours } from '../../format';
import { graphql } from '../../gql';
import type { CourseKind } from '../../gql/graphql';
import { APPLICATION_STATUS_LABELS, CERTIFICATION_STATUS_LABELS, DESIGNATION_LABELS, enumWords, label } from '../../labels';
import { APPLICATION_REVIEWER_ROLES, ETHICS_STAFF_ROLES, hasAnyRole, isStaff, TRAINING_REVIEWER_ROLES } from '../../roles';
import { useUser } from '../../session';
import { ExternalCompletionForm } from './ExternalCompletionForm';
import { Facts, Section } from './parts';
import { TrainerSection } from './TrainerSection';

const PersonQuery = graphql(`
  query PersonView($id: ID!, $withCases: Boolean!, $withApplications: Boolean!, $withStaffFacts: Boolean!) {
    person(id: $id) {
      id
      legalName
      preferredName
      county
      dateOfBirth
      email
      certifications {
        id
        number
        status
        issuedOn
        dueOn
        goodThrough
        designations { designation grantedOn }
      }
      applications @include(if: $withApplications) { id kind status submittedOn }
      trainingHours
      trainingHoursByKind { kind hours }
      childAndFamilyTrainingHours
      trainingCompletions { id courseTitle kind hours completedOn source provider countsTowardCertification }
      trainerProfile @include(if: $withStaffFacts) {
        status
        registrations { id status registeredOn removedOn course { id title kind } }
        upcomingSessions { id status firstDay lastDay enrolledCount capacity course { id title } }
      }
      ethicsAcknowledgments { id codeVersion signedOn }
      publicDisciplinaryStatus { standing removedAsTrainer }
      openComplaintCount @include(if: $withStaffFacts)
      barredFromTeaching @include(if: $withStaffFacts)
      complaints @include(if: $withCases) { id referenceNumber status receivedOn outcome }
      sanctions @include(if: $withCases) { id kind status effectiveFrom effectiveUntil }
    }
    # Staff outside certification may not read Person.applications: they get the same list from the
    # root field, which shows staff everyone's applications.
    applications(first: 100, personId: $id) @skip(if: $withApplications) {
      totalCount
      edges { node { id kind status submittedOn } }
    }
  }
`);

export function PersonPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const withCases = hasAnyRole(user.roles, ETHICS_STAFF_ROLES);
  const withApplications = hasAnyRole(user.roles, APPLICATION_REVIEWER_ROLES);
  const withStaffFacts = isStaff(user.roles);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PersonQuery, variables: { id, withCases, withApplications, withStaffFacts }, requestPolicy: 'cache-and-network' });
  const person = data?.person;
  const applications = person?.applications ?? data?.applications?.edges.map((e) => e.node) ?? [];

  return (
    <section aria-labelledby="person-title">
      <title>{person ? `${displayName(person)} · CPSS Platform` : 'Person · CPSS Platform'}</title>
      <p>
        <Link to="/people">← People</Link>
      </p>
      <h1 id="person-title">{person ? displayName(person) : 'Person'}</h1>
      <ResponseProblem error={error} hasData={!!person} title="Could not load this person" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading>Loading the person's record…</Loading>}
      {person && data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section title="Identity" testId="person-identity">
            <Facts
              rows={[
                ['Legal name', person.legalName],
                ['County', person.county],
                ['Date of birth', person.dateOfBirth],
                ['Email', person.email],
              ]}
            />
          </Section>

          <Section title="Certification" testId="person-certifications">
            {person.certifications.length === 0 ? (
              <Text>Not certified.</Text>
            ) : (
              person.certifications.map((c) => (
                <div key={c.id} data-testid="person-certification">
                  <Text fw={600}>
                    {c.number} <Badge variant="filled">{label(CERTIFICATION_STATUS_LABELS, c.status)}</Badge>
                  </Text>
                  <Text size="sm">
                    Issued {c.issuedOn}; due {c.dueOn}
                    {c.goodThrough && `; good through ${c.goodThrough}`}
                    {c.designations.length > 0 && `; ${c.designations.map((d) => label(DESIGNATION_LABELS, d.designation)).join(', ')}`}
                  </Text>
                </div>
              ))
            )}
          </Section>

          <Section title={`Applications (${applications.length})`} testId="person-applications">
            {applications.length === 0 ? (
              <Text data-testid="person-no-applications">No applications.</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Kind</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Submitted</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {applications.map((a) => (
                    <Table.Tr key={a.id} data-testid="person-application" data-id={a.id}>
                      <Table.Td>{withApplications ? <Link to={`/applications/${a.id}`}>{enumWords(a.kind)}</Link> : enumWords(a.kind)}</Table.Td>
                      <Table.Td data-testid="person-application-status">{label(APPLICATION_STATUS_LABELS, a.status)}</Table.Td>
                      <Table.Td>{a.submittedOn ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>

          <Section title={person.trainingHours == null ? `Training: ${UNAVAILABLE.toLowerCase()}` : `Training: ${formatHours(person.trainingHours)} hours`} testId="person-training">
            <Text size="sm">
              {person.trainingHoursByKind == null ? (
                <Unavailable what="Training hours" />
              ) : (
                person.trainingHoursByKind.map((k) => `${courseKindLabel(k.kind as CourseKind)} ${formatHours(k.hours)}`).join(' · ') || 'No hours yet'
              )}
              {person.childAndFamilyTrainingHours != null && person.childAndFamilyTrainingHours > 0 && ` · about children and families ${formatHours(person.childAndFamilyTrainingHours)}`}
            </Text>
            {person.trainingCompletions && person.trainingCompletions.length > 0 && <ExportLink list="completions" params={{ personId: person.id }} label="Export completions (CSV)" />}
            {person.trainingCompletions && person.trainingCompletions.length > 0 && (
              <Table mt="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Course</Table.Th>
                    <Table.Th scope="col">Hours</Table.Th>
                    <Table.Th scope="col">Completed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {person.trainingCompletions.map((c) => (
                    <Table.Tr key={c.id} data-testid="person-completion">
                      <Table.Td>
                        {c.courseTitle}
                        <Text size="xs">
                          {courseKindLabel(c.kind as CourseKind)} · {enumWords(c.source)}
                          {c.provider && ` (${c.provider})`}
                          {!c.countsTowardCertification && ' · does not count: taken outside the course’s approval term'}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatHours(c.hours)}</Table.Td>
                      <Table.Td>{c.completedOn}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {hasAnyRole(user.roles, TRAINING_REVIEWER_ROLES) && (
              <details>
                <summary>Record training completed elsewhere</summary>
                <ExternalCompletionForm personId={person.id} onRecorded={() => reexecute({ requestPolicy: 'network-only' })} />
              </details>
            )}
          </Section>

          {/* Ethics answered when the public status (asked of everyone) is there; else the bar is unknown, not "No". */}
          {person.trainerProfile && <TrainerSection profile={person.trainerProfile} barred={person.publicDisciplinaryStatus ? (person.barredFromTeaching ?? null) : undefined} />}

          <Section title="Ethics" testId="person-ethics">
            <Facts
              rows={[
                ['Public standing', person.publicDisciplinaryStatus ? enumWords(person.publicDisciplinaryStatus.standing) : UNAVAILABLE],
                ['Removed as trainer', person.publicDisciplinaryStatus ? (person.publicDisciplinaryStatus.removedAsTrainer ? 'Yes' : 'No') : UNAVAILABLE],
                ['Code of Ethics signed', person.ethicsAcknowledgments ? person.ethicsAcknowledgments.map((a) => `${a.codeVersion} on ${a.signedOn}`).join('; ') || 'Never' : UNAVAILABLE],
                // Asked of staff only (@include): absent for others, null when ethics did not answer.
                ...(person.openComplaintCount !== undefined ? [['Open complaints', person.openComplaintCount === null ? UNAVAILABLE : String(person.openComplaintCount)] as const] : []),
              ]}
              testId="person-ethics-facts"
            />
            {withCases && (
              <>
                <Title order={3} size="h5" mt="sm">
                  Complaints
                </Title>
                {person.complaints === null ? (
                  <Text size="sm" data-testid="person-complaints-unavailable">
                    <Unavailable what="Complaints" />
                  </Text>
                ) : (person.complaints ?? []).length === 0 ? (
                  <Text size="sm" data-testid="person-no-complaints">
                    No complaints about this person.
                  </Text>
                ) : (
                  <ul data-testid="person-complaints">
                    {(person.complaints ?? []).map((c) => (
                      <li key={c.id}>
                        <Link to={`/complaints/${c.id}`}>{c.referenceNumber}</Link> · {enumWords(c.status)} · received {c.receivedOn}
                        {c.outcome && ` · ${enumWords(c.outcome)}`}
                      </li>
                    ))}
                  </ul>
                )}
                <Title order={3} size="h5" mt="sm">
                  Sanctions
                </Title>
                {person.sanctions === null ? (
                  <Text size="sm">
                    <Unavailable what="Sanctions" />
                  </Text>
                ) : (person.sanctions ?? []).length === 0 ? (
                  <Text size="sm">None.</Text>
                ) : (
                  <ul data-testid="person-sanctions">
                    {(person.sanctions ?? []).map((s) => (
                      <li key={s.id}>
                        {enumWords(s.kind)} ({enumWords(s.status)}) from {s.effectiveFrom}
                        {s.effectiveUntil && ` until ${s.effectiveUntil}`}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </Section>
        </SimpleGrid>
      )}
    </section>
  );
}
