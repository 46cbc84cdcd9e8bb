// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SEED_ANALYSIS } from '@/tests/support/components/seed-job';
import { languageTag } from '@/lib/article/language-tag';
import { applyCachedTheme, applyTheme } from '@/lib/ui/apply-theme';
import { formatDate } from '@/lib/ui/format-date';
import { notesText } from '@/lib/ui/notes-text';
import { summaryText } from '@/lib/ui/summary-text';
import { usageText } from '@/lib/ui/usage-text';

describe('languageTag', () => {
  it('turns a target language name into a tag, in English or in the language itself', () => {
    expect(languageTag('English')).toBe('en');
    expect(languageTag(' german ')).toBe('de');
    expect(languageTag('Deutsch')).toBe('de');
    expect(languageTag('fr')).toBe('fr');
    expect(languageTag('Klingon')).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('formats ISO dates and drops what is not one', () => {
    expect(formatDate('2025-02-14T09:30:00+01:00', 'en-GB')).toBe('14 Feb 2025');
    expect(formatDate('yesterday', 'en-GB')).toBeNull();
    expect(formatDate(null)).toBeNull();
  });
});

describe('clipboard text', () => {
  it('writes the summary as bullets and the notes with chain, hedges and the original', () => {
    expect(summaryText([{ text: 'One' }, {}, { text: ' Two ' }])).toBe('• One\n• Two');
    const text = notesText(SEED_ANALYSIS.notes.slice(0, 1));
    expect(text).toContain('1. A significant deal');
    expect(text).toContain('Chain: This page → The New York Times (“laut der New York Times (NYT)”)');
    expect(text).toContain('Hedges: mutmaßlich → allegedly, offenbar → apparently');
    expect(text).toContain('Original: “Ein mutmaßlich bedeutsames Abkommen');
  });
});

describe('usageText', () => {
  it('adds up what was reported', () => {
    expect(usageText({ analysis: null, translation: null })).toBeNull();
    expect(
      usageText({ analysis: { promptTokens: 1000, completionTokens: 234, totalTokens: 1234 }, translation: null }),
    ).toEqual({ label: '1,234 tokens', detail: 'analysis: 1,000 in, 234 out' });
  });
});

describe('applyTheme', () => {
  it('sets or clears data-theme, and remembers it for the next page load', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.dataset.theme).toBeUndefined();
    applyTheme('light', root);
    const next = document.createElement('html');
    applyCachedTheme(next);
    expect(next.dataset.theme).toBe('light');
  });
});
