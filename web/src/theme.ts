// Mantine is the component library (accessible inputs, tables, tabs, steppers, modals) and
// @mantine/charts (recharts) draws the charts. One theme so every screen looks the same.
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  // Shade 9 of teal (white on it, and it on white), the darker error red and dimmed text keep WCAG AA contrast.
  primaryColor: 'teal',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
});

/** Mantine's dimmed grey, placeholder grey and error red are under 4.5:1 on white: darker ones for AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#55606e', '--mantine-color-placeholder': '#5f6873', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
