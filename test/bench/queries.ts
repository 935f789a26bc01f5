// What `npm run bench` asks the gateway: the public registry, the person view, a work-queue page
// and the statistics, each as the web UI asks it (field for field where the UI has the page).
// Lists take `$first` so the SQL count can be compared at 10 and 100 items.

export interface BenchQuery {
  name: string;
  description: string;
  query: string;
  /** Variables of the measured requests. */
  variables: Record<string, unknown>;
  /** Needs the admin's token (the registry is public). */
  signedIn: boolean;
  /** A list query: its SQL count is also sampled at first: 10 and first: 100. */
  list?: boolean;
  /** Variables the load cycles through (different registry look-ups), else `variables` every time. */
  variants?: Record<string, unknown>[];
}

/** The registry by number: the UI's RegistryLookup document. */
export const REGISTRY_LOOKUP = /* GraphQL */ `
  query BenchRegistryLookup($certificationNumber: String!) {
    registryLookup(certificationNumber: $certificationNumber) {
      certificationNumber
      name
      county
      status
      goodThrough
      statusEffectiveOn
      designations
    }
  }
`;

/** The registry by name and county: the UI's RegistrySearch document. */
export const REGISTRY_SEARCH = /* GraphQL */ `
  query BenchRegistrySearch($name: String!, $county: String!) {
    registrySearch(name: $name, county: $county) {
      certificationNumber
      name
      county
      status
      goodThrough
      statusEffectiveOn
      designations
    }
  }
`;

/** 20 people ordered by name, each with facts from all three domains. */
export const PERSON_VIEW = /* GraphQL */ `
  query BenchPersonView($first: Int!) {
    people(first: $first) {
      edges {
        node {
          id
          legalName
          certifications {
            number
            status
          }
          trainingHours
          trainingHoursByKind {
            kind
            hours
          }
          openComplaintCount
          publicDisciplinaryStatus {
            standing
          }
        }
      }
    }
  }
`;

/** The admin's work queues page (web/src/pages/queues): applications awaiting review, complaints awaiting acknowledgment, certifications due. */
export const WORK_QUEUE = /* GraphQL */ `
  query BenchWorkQueue($first: Int!) {
    awaitingReview: applications(first: $first, statuses: [SUBMITTED, IN_REVIEW, ON_HOLD]) {
      totalCount
      edges {
        node {
          id
          kind
          status
          submittedOn
          person {
            id
            legalName
            preferredName
            openComplaintCount
          }
          processingClock {
            businessDaysWaiting
            targetBusinessDays
            overdue
          }
        }
      }
    }
    awaitingAcknowledgment: complaints(first: $first, filter: { statuses: [RECEIVED] }) {
      totalCount
      edges {
        node {
          id
          referenceNumber
          subjectKind
          respondentDescription
          respondent {
            id
            legalName
            preferredName
          }
          receivedOn
          nextDueOn
          overdue
        }
      }
    }
    certificationsDue(first: $first, withinDays: 90) {
      totalCount
      edges {
        node {
          id
          number
          status
          dueOn
          renewalHoursRequired
          trainingHoursSinceLastCertification
          ethicsTrainingHoursSinceLastCertification
          person {
            id
            legalName
            preferredName
          }
        }
      }
    }
  }
`;

/** The dashboard's statistics (web/src/pages/dashboard). */
export const STATISTICS = /* GraphQL */ `
  query BenchStatistics {
    certificationStatistics {
      on
      applicationsByStatus { key count }
      certificationsByStatus { key count }
      inGoodStandingByCounty { key count }
      inGoodStandingByDesignation { key count }
      inGoodStandingByAgeBand { key count }
      inGoodStandingByGender { key count }
      inGoodStandingByVeteranStatus { key count }
      inGoodStandingByRaceEthnicity { key count }
      perMonth { month issued lapsed inGoodStanding }
    }
    trainingStatistics {
      from
      to
      byKind { kind completions hours }
      perMonth { month completions }
    }
  }
`;

/** The statistics on another day than today (never served from the cache): the dashboard's document with a date. */
export const STATISTICS_ON = STATISTICS.replace('query BenchStatistics {', 'query BenchStatisticsOn($on: LocalDate!) {').replace('certificationStatistics {', 'certificationStatistics(on: $on) {');

/** The 24 month ends up to October 2026 (the bench runs later). */
const PAST_DAYS = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2026, 10 - i, 0)).toISOString().slice(0, 10));

export function benchQueries(registry: { numbers: string[]; searches: { name: string; county: string }[] }): BenchQuery[] {
  return [
    {
      name: 'registry-lookup',
      description: 'registryLookup by certification number (public, no token)',
      query: REGISTRY_LOOKUP,
      variables: { certificationNumber: registry.numbers[0] ?? 'NC-CPSS-000101' },
      signedIn: false,
      variants: registry.numbers.map((certificationNumber) => ({ certificationNumber })),
    },
    {
      name: 'registry-search',
      description: 'registrySearch by name and county (public, no token)',
      query: REGISTRY_SEARCH,
      variables: registry.searches[0] ?? { name: 'an', county: 'Wake' },
      signedIn: false,
      variants: registry.searches,
    },
    {
      name: 'person-view',
      description: 'people(first: 20) with certifications, training hours (by kind), open complaints and disciplinary standing',
      query: PERSON_VIEW,
      variables: { first: 20 },
      signedIn: true,
      list: true,
    },
    {
      name: 'work-queue',
      description: 'applications awaiting review, complaints awaiting acknowledgment, certificationsDue with hours since the last certification (20 each)',
      query: WORK_QUEUE,
      variables: { first: 20 },
      signedIn: true,
      list: true,
    },
    {
      name: 'statistics',
      description: "certificationStatistics and trainingStatistics, today's (as the dashboard asks: served again for a minute unless a write was committed)",
      query: STATISTICS,
      variables: {},
      signedIn: true,
    },
    {
      name: 'statistics-afresh',
      description: 'the same on past days, each counted afresh (month ends of the last two years in turn)',
      query: STATISTICS_ON,
      variables: { on: PAST_DAYS[0] },
      signedIn: true,
      variants: PAST_DAYS.map((on) => ({ on })),
    },
  ];
}
