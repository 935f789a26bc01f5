import { latestAcknowledgment } from '../format';

/** The latest Code of Ethics version signed, or a dash when none has been. */
export function EthicsStatus({ acks }: { acks: readonly { codeVersion: string; signedOn: string }[] }) {
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
