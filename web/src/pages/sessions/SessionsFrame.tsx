// The theme's teal-6 and Mantine's dimmed grey are too light for text on white (WCAG AA asks 4.5:1),
// so the trainer's screens run inside a frame that darkens the colours its components use for text
// and filled buttons (light badges and alerts sit on a tinted background, so theirs are darker still). CSS variables cascade, so this reaches every Mantine component inside; the
// shared theme (not ours to change) stays as it is.
import type { CSSProperties, ReactNode } from 'react';

const v = (name: string) => `var(--mantine-color-${name})`;

const CONTRAST: Record<string, string> = {
  '--mantine-color-dimmed': v('gray-7'),
  '--mantine-color-anchor': v('teal-9'),
  '--mantine-color-error': v('red-9'),
  '--mantine-primary-color-filled': v('teal-9'),
  '--mantine-primary-color-filled-hover': '#06604a',
  '--mantine-primary-color-light-color': '#05654a',
  '--mantine-color-teal-filled': v('teal-9'),
  '--mantine-color-teal-filled-hover': '#06604a',
  '--mantine-color-teal-light-color': '#05654a',
  '--mantine-color-teal-outline': v('teal-9'),
  '--mantine-color-teal-text': v('teal-9'),
  '--mantine-color-red-filled': v('red-9'),
  '--mantine-color-red-filled-hover': '#a51d1d',
  '--mantine-color-red-light-color': '#a51d1d',
  '--mantine-color-red-outline': v('red-9'),
  '--mantine-color-red-text': v('red-9'),
  '--mantine-color-gray-light-color': v('gray-8'),
  '--mantine-color-blue-light-color': '#0f4c81',
  '--mantine-color-grape-light-color': v('grape-9'),
};

export function SessionsFrame({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div style={CONTRAST as CSSProperties} data-testid={testId}>
      {children}
    </div>
  );
}
