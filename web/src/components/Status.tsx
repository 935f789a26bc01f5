// Loading and error states, shared so every page announces them the same way to assistive tech.
import type { CombinedError } from 'urql';
import { errorMessages, errorRequestId } from '../graphql';

export function Loading({ children = 'Loading…' }: { children?: string }) {
  return (
    <p role="status" className="loading">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

export function ErrorAlert({
  error,
  messages,
  title = 'Something went wrong',
  onRetry,
}: {
  error?: CombinedError;
  messages?: string[];
  title?: string;
  onRetry?: () => void;
}) {
  const lines = [...(messages ?? []), ...(error ? errorMessages(error) : [])];
  const requestId = error ? errorRequestId(error) : undefined;
  return (
    <div role="alert" className="alert alert--error">
      <p className="alert__title">{title}</p>
      {lines.length === 1 ? <p>{lines[0]}</p> : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {requestId && (
        <p className="alert__request-id" data-testid="error-request-id">
          Request id: <code>{requestId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
