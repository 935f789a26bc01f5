// How a command ethics sends to another domain reads on the admin's screen, pure so it can be unit
// tested: its type and target in words, the ids and dates of its payload (with links to the pages
// of the person and the complaint it is about), and whether it can be retried.

export const COMMAND_TYPE_LABELS: Record<string, string> = {
  HOLD_APPLICATION: 'Hold applications',
  RELEASE_APPLICATION_HOLD: 'Release the hold on applications',
  SUSPEND_CERTIFICATION: 'Suspend the certification',
  REVOKE_CERTIFICATION: 'Revoke the certification',
  REMOVE_TRAINER: 'Remove as trainer',
};

export const TARGET_DOMAIN_LABELS: Record<string, string> = {
  certification: 'Certification',
  training: 'Training',
  ethics: 'Ethics',
};

const words = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).toLowerCase().replaceAll('_', ' ');

export function commandTypeLabel(type: string): string {
  return COMMAND_TYPE_LABELS[type] ?? words(type);
}

export function targetDomainLabel(domain: string): string {
  return TARGET_DOMAIN_LABELS[domain] ?? words(domain);
}

export interface PayloadFact {
  label: string;
  value: string;
  /** A page of the UI about it, when there is one. */
  to?: string;
}

const FACTS: readonly { key: string; label: string; to?: (id: string) => string; enumValue?: boolean }[] = [
  { key: 'personId', label: 'Person', to: (id) => `/people/${id}` },
  { key: 'complaintId', label: 'Complaint', to: (id) => `/complaints/${id}` },
  { key: 'sanctionId', label: 'Sanction' },
  { key: 'effectiveFrom', label: 'From' },
  { key: 'effectiveUntil', label: 'Until' },
  { key: 'reason', label: 'Reason' },
  { key: 'outcome', label: 'Outcome', enumValue: true },
];

/** The payload's known facts in a fixed order (strings only; a null "until" is left out), then any other string field. */
export function payloadFacts(payload: Record<string, unknown>): PayloadFact[] {
  const facts: PayloadFact[] = [];
  for (const f of FACTS) {
    const v = payload[f.key];
    if (typeof v === 'string' && v) facts.push({ label: f.label, value: f.enumValue ? words(v) : v, ...(f.to ? { to: f.to(v) } : {}) });
  }
  for (const [key, v] of Object.entries(payload)) {
    if (FACTS.some((f) => f.key === key)) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') facts.push({ label: key, value: String(v) });
  }
  return facts;
}

/** An id shortened for a table cell (the full id is in the title and the link). */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

/** Only a command still waiting for delivery can be tried again. */
export function canRetry(command: { status: string }): boolean {
  return command.status === 'pending';
}

export function statusLabel(command: { status: string }): string {
  return command.status === 'pending' ? 'Pending' : command.status === 'delivered' ? 'Delivered' : words(command.status);
}

type RetriedCommand = { status: string; nextAttemptAt: string; attempts: number; lastError?: string | null; deliveredAt?: string | null; outcome?: string | null };

/**
 * What a retry came to, as the command now stands: delivered (with the other domain's outcome),
 * tried again and failed (attempts grew since the retry was asked), or waiting for the attempt.
 */
export function retryResult(command: RetriedCommand, attemptsWhenAsked: number, formatTime: (iso: string) => string): string {
  if (command.status === 'delivered') return `Delivered${command.deliveredAt ? ` at ${formatTime(command.deliveredAt)}` : ''}${command.outcome ? `: ${command.outcome}` : ''}.`;
  if (command.attempts > attemptsWhenAsked) return `Tried again and failed${command.lastError ? `: ${command.lastError}` : ''}. The next attempt is due at ${formatTime(command.nextAttemptAt)}.`;
  return `Retry asked: the next attempt is due at ${formatTime(command.nextAttemptAt)} (${command.attempts} ${command.attempts === 1 ? 'attempt' : 'attempts'} so far).`;
}
