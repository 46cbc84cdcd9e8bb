// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_ANALYSIS } from '@/tests/support/components/seed-job';
import { NoteCard } from '@/components/notes/note-card';

afterEach(cleanup);

function seedNote(index: number) {
  const note = SEED_ANALYSIS.notes[index];
  if (!note) throw new Error(`No seed note ${index}`);
  return note;
}

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('NoteCard', () => {
  it('draws the attribution chain from this page to the source, with each cue in the original', async () => {
    const mounted = render(<NoteCard note={seedNote(0)} lang="de" />);
    const chain = mounted.container.querySelector('ol[aria-label="Attribution chain"]');
    const names = [...(chain?.querySelectorAll('.chain__name') ?? [])].map(text);
    expect(names).toEqual(['This page', 'The New York Times', 'meeting participants', 'Christopher Smith']);
    expect(text(chain)).toContain('This page → The New York Times');
    const cues = [...(chain?.querySelectorAll('i') ?? [])];
    expect(cues.map(text)).toEqual([
      'laut der New York Times (NYT)',
      'berichten Teilnehmer der Veranstaltung',
      'Dies verkündete',
    ]);
    for (const cue of cues) expect(cue.getAttribute('lang')).toBe('de');
  });

  it('shows the claim, the source with role and type, and the kind as a coloured label', async () => {
    const mounted = render(<NoteCard note={seedNote(0)} lang="de" />);
    const card = mounted.container.querySelector('article');
    expect(text(card?.querySelector('.note-card__claim'))).toBe(
      'A significant deal between Washington and Minsk is apparently imminent.',
    );
    expect(text(card?.querySelector('.note-card__source-name'))).toBe('Christopher Smith');
    expect(text(card?.querySelector('.note-card__role'))).toContain('US Deputy Secretary of State');
    expect(text(card?.querySelector('.type-badge'))).toBe('Person');
    expect(text(card?.querySelector('.kind-label'))).toBe('Reported speech');
    expect(card?.classList.contains('kind--reported-speech')).toBe(true);
  });

  it('shows each hedge as original → English, the original marked with the article language', async () => {
    const mounted = render(<NoteCard note={seedNote(0)} lang="de" />);
    const hedges = [...mounted.container.querySelectorAll('ul[aria-label="Hedges"] li')];
    expect(hedges).toHaveLength(2);
    const first = hedges[0];
    expect(text(first?.querySelector('.hedge__original'))).toBe('mutmaßlich');
    expect(first?.querySelector('.hedge__original')?.getAttribute('lang')).toBe('de');
    expect(text(first?.querySelector('.hedge__english'))).toBe('allegedly');
    expect(text(first)).toMatch(/mutmaßlich\s*→.*allegedly/);
  });

  it('quotes the original sentence in a blockquote in the article language', async () => {
    const mounted = render(<NoteCard note={seedNote(0)} lang="de" />);
    const quote = mounted.container.querySelector('blockquote');
    expect(quote?.getAttribute('lang')).toBe('de');
    expect(quote?.textContent).toBe(
      'Ein mutmaßlich bedeutsames Abkommen zwischen Washington und Minsk steht offenbar kurz bevor.',
    );
  });

  it('says in words when a claim has no source, and labels each kind differently', async () => {
    const mounted = render(<NoteCard note={seedNote(3)} lang="de" />);
    expect(text(mounted.container.querySelector('.note-card__source-name'))).toBe('No source given');
    expect(text(mounted.container.querySelector('.kind-label'))).toBe('Unattributed assertion');
    expect(mounted.container.querySelector('.type-badge')).toBeNull();
    mounted.unmount();
    const quote = render(<NoteCard note={seedNote(2)} lang="de" />);
    expect(text(quote.container.querySelector('.kind-label'))).toBe('Direct quote');
  });

  it('renders a partial note while it streams, without the parts that have not arrived', async () => {
    const mounted = render(
      <NoteCard note={{ claim: 'A deal is near', chain: [{ name: 'This page' }, { name: 'The New' }] }} lang="de" />,
    );
    expect(text(mounted.container.querySelector('.note-card__claim'))).toBe('A deal is near');
    expect(mounted.container.querySelectorAll('.chain__name')).toHaveLength(2);
    expect(mounted.container.querySelector('blockquote')).toBeNull();
    expect(mounted.container.querySelector('.kind-label')).toBeNull();
  });

  it('draws each step of the chain as a box, the original source last', async () => {
    const mounted = render(<NoteCard note={seedNote(0)} lang="de" />);
    const steps = [...mounted.container.querySelectorAll('.chain__link')];
    expect(steps.map((step) => step.querySelector('.chain__step') !== null)).toEqual([true, true, true, true]);
    expect(steps.at(-1)?.classList.contains('chain__link--origin')).toBe(true);
    expect(steps[0]?.classList.contains('chain__link--origin')).toBe(false);
  });

  it('is a toggle when it can show its passage: a click anywhere, or its button', async () => {
    const onToggle = vi.fn();
    const mounted = render(<NoteCard note={seedNote(0)} lang="de" onToggle={onToggle} pressed />);
    const card = mounted.container.querySelector<HTMLElement>('article');
    const button = card?.querySelector<HTMLButtonElement>('button');
    expect(button?.getAttribute('aria-pressed')).toBe('true');
    expect(text(button)).toBe('Show in page');
    if (!card || !button) throw new Error('No card or button');
    fireEvent.click(card);
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledTimes(2);
  });

  it('is no toggle without a way to show the passage', async () => {
    const mounted = render(<NoteCard note={seedNote(0)} lang="de" />);
    expect(mounted.container.querySelector('button')).toBeNull();
    expect(mounted.container.querySelector('.note-card--toggle')).toBeNull();
  });

  it('leaves lang off when the article language is unknown', async () => {
    const mounted = render(<NoteCard note={seedNote(0)} lang={undefined} />);
    expect(mounted.container.querySelector('blockquote')?.hasAttribute('lang')).toBe(false);
  });
});
