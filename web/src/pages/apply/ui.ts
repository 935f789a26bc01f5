import type React from 'react';
// Colours for these screens, dark enough for WCAG AA text contrast on white and on their own light
// tints. They are plain hex values on purpose: Mantine gives a theme colour's light and subtle
// variants its shade 6 for text (too light for AA), while a hex colour is used as given. Colour
// never carries meaning alone: every badge and alert also says it in words.
export const ACTION = '#05664a'; // darker than teal 9: AA on its own 10% tint too
export const GOOD = '#05664a';
export const BAD = '#a61e1e'; // darker than red 9
export const INFO = '#1864ab'; // blue 9
export const ATTENTION = '#862e9c'; // grape 9
export const NEUTRAL = '#495057'; // gray 7
/** Secondary text: Mantine's "dimmed" is too light for AA. */
export const MUTED = '#495057';

/**
 * Mantine's secondary text (input and step descriptions), placeholders and field errors read these
 * variables: set on a page's root, they make them AA there without touching the shared theme.
 */
export const READABLE_DIMMED = { '--mantine-color-dimmed': MUTED, '--mantine-color-placeholder': MUTED, '--mantine-color-error': BAD } as React.CSSProperties;
