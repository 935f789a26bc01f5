// The theme's teal buttons (white on teal 6, 2.6:1), Mantine's "dimmed" grey (3.3:1) and its error
// red fail WCAG AA contrast; until the shared theme changes, these screens darken them inside.
import type { CSSProperties, ReactNode } from 'react';

const READABLE = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-color-error': 'var(--mantine-color-red-9)',
  '--mantine-primary-color-filled': 'var(--mantine-color-teal-9)',
  '--mantine-primary-color-filled-hover': '#06664a',
  '--mantine-color-teal-filled': 'var(--mantine-color-teal-9)',
  '--mantine-color-teal-filled-hover': '#06664a',
} as CSSProperties;

export function Readable({ children }: { children: ReactNode }) {
  return <div style={READABLE}>{children}</div>;
}
