// The audit trail page's documents: one page of a domain's trail, newest first, filtered. The three
// domains answer the same AuditEntry fields; the sign-ins are the gateway's REST trail (auditModel.ts).
import { graphql } from '../../gql';

export const CertificationAuditTrailDocument = graphql(`
  query CertificationAuditTrail($filter: AuditTrailFilterInput, $first: Int!, $after: String) {
    certificationAuditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          actor
          actorRoles
          action
          subjectType
          subjectId
          fields
          requestId
          operation
          at
        }
      }
    }
  }
`);

export const TrainingAuditTrailDocument = graphql(`
  query TrainingAuditTrail($filter: AuditTrailFilterInput, $first: Int!, $after: String) {
    trainingAuditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          actor
          actorRoles
          action
          subjectType
          subjectId
          fields
          requestId
          operation
          at
        }
      }
    }
  }
`);

export const EthicsAuditTrailDocument = graphql(`
  query EthicsAuditTrail($filter: AuditTrailFilterInput, $first: Int!, $after: String) {
    ethicsAuditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          actor
          actorRoles
          action
          subjectType
          subjectId
          fields
          requestId
          operation
          at
        }
      }
    }
  }
`);
