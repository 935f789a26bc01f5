import { describe, expect, it } from 'vitest';
import { exportHref } from './ExportLink';

describe('exportHref', () => {
  it("carries the page's filters, leaving out empty ones and joining lists", () => {
    expect(exportHref('people', { search: '' })).toBe('/export/people.csv');
    expect(exportHref('people', { search: 'Moore' })).toBe('/export/people.csv?search=Moore');
    expect(exportHref('applications', { statuses: ['SUBMITTED', 'IN_REVIEW'] })).toBe('/export/applications.csv?statuses=SUBMITTED%2CIN_REVIEW');
    expect(exportHref('applications', { statuses: [] })).toBe('/export/applications.csv');
    expect(exportHref('sessions', { view: 'upcoming', courseId: null })).toBe('/export/sessions.csv?view=upcoming');
    expect(exportHref('registry', { name: "O'Brien & Sons", county: 'New Hanover' })).toBe('/export/registry.csv?name=O%27Brien+%26+Sons&county=New+Hanover');
  });
});
