// The commands page's documents: every command (status: null), oldest first, page by page; the
// stuck ones; and "retry now", which answers the command so the normalized cache updates its rows.
import { graphql } from '../../gql';

export const OutboundCommandsDocument = graphql(`
  query EthicsOutboundCommands($first: Int!, $after: String) {
    ethicsOutboundCommands(status: null, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          type
          targetDomain
          payload
          idempotencyKey
          status
          attempts
          createdAt
          nextAttemptAt
          lastAttemptAt
          lastError
          deliveredAt
          outcome
          stuck
        }
      }
    }
  }
`);

export const StuckOutboundCommandsDocument = graphql(`
  query StuckEthicsOutboundCommands($first: Int!) {
    ethicsOutboundCommands(status: null, stuck: true, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          type
          targetDomain
          payload
          idempotencyKey
          status
          attempts
          createdAt
          nextAttemptAt
          lastAttemptAt
          lastError
          deliveredAt
          outcome
          stuck
        }
      }
    }
  }
`);

export const RetryOutboundCommandDocument = graphql(`
  mutation RetryOutboundCommand($id: ID!) {
    retryOutboundCommand(id: $id) {
      id
      status
      attempts
      nextAttemptAt
      lastAttemptAt
      lastError
      deliveredAt
      outcome
      stuck
    }
  }
`);
