// White on the theme's teal (shade 8: 3.9:1) and Mantine's error red (3.3:1) are under WCAG AA's
// 4.5:1 for button and message text; these screens use shade 9 and a darker red inside them.
import type { CSSProperties, ReactNode } from 'react';

const READABLE = {
  '--mantine-color-error': 'var(--mantine-color-red-9)',
  '--mantine-primary-color-filled': 'var(--mantine-color-teal-9)',
  '--mantine-primary-color-filled-hover': '#06664a',
  '--mantine-color-teal-filled': 'var(--mantine-color-teal-9)',
  '--mantine-color-teal-filled-hover': '#06664a',
} as CSSProperties;

export function Readable({ children }: { children: ReactNode }) {
  return <div style={READABLE}>{children}</div>;
}
