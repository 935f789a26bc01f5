// The dashboard's queries, one per domain (certification's statistics, training's statistics and
// course submissions, ethics' complaints), so that a domain that does not answer leaves only its
// own figures missing: each is a non-null root field, and asked in one request with the others, its
// SERVICE_UNAVAILABLE would null the whole dashboard.
import { graphql } from '../../gql';

export const DashboardCertificationDocument = graphql(`
  query DashboardCertification {
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
  }
`);

export const DashboardTrainingDocument = graphql(`
  query DashboardTraining {
    trainingStatistics {
      from
      to
      byKind { kind completions hours }
      perMonth { month completions }
    }
    submissionsReceived: courseSubmissions(first: 1, status: RECEIVED) { totalCount }
    submissionsInTeamReview: courseSubmissions(first: 1, status: TEAM_REVIEW) { totalCount }
  }
`);

export const DashboardEthicsDocument = graphql(`
  query DashboardEthics {
    complaintsAwaitingAcknowledgment: complaints(first: 1, filter: { statuses: [RECEIVED] }) { totalCount }
    complaintsOverdue: complaints(first: 1, filter: { overdue: true }) { totalCount }
  }
`);
