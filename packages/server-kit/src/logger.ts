// pino with redaction: tokens, cookies, passwords and sensitive health fields never reach a log.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys whose values are never written to a log, wherever they appear (one level deep and in bodies). */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwordHash',
  'token',
  'recoveryStatement',
  'recoveryStartDate',
  'recoveryHistory',
  'statement',
  'details',
  'narrative',
  'variables',
];

export function createLogger(name: string, level: string = 'info', destination?: DestinationStream): Logger {
  const paths = [
    'req.headers.authorization',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    ...REDACTED_KEYS.map((k) => `*.${k}`),
    ...REDACTED_KEYS.map((k) => `*.*.${k}`),
  ];
  return pino({ name, level, redact: { paths, censor: '[redacted]' } }, destination);
}
