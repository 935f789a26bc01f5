// Mantine is the component library (accessible inputs, tables, tabs, steppers, modals) and
// @mantine/charts (recharts) draws the charts. One theme so every screen looks the same.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
});
