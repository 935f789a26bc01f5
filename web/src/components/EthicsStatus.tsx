import { latestAcknowledgment } from '../format';
import { Unavailable } from './Unavailable';

/** The latest Code of Ethics version signed, a dash when none has been, or "Unavailable" when ethics did not answer (null). */
export function EthicsStatus({ acks }: { acks: readonly { codeVersion: string; signedOn: string }[] | null }) {
  if (acks === null) return <Unavailable what="Code of Ethics" />;
  const latest = latestAcknowledgment(acks);
  if (!latest) {
    return (
      <span className="muted" title="Not signed">
        —
      </span>
    );
  }
  return (
    <>
      {latest.codeVersion}, signed <time dateTime={latest.signedOn}>{latest.signedOn}</time>
    </>
  );
}
