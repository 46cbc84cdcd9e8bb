// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTSIDE_KNOWLEDGE_TITLE, OutsideKnowledgeView } from '@/components/notes/outside-knowledge-view';

afterEach(cleanup);

describe('OutsideKnowledgeView', () => {
  it("labels the model's background knowledge as not from the article", async () => {
    const mounted = render(
      <OutsideKnowledgeView
        items={[
          { topic: 'Christopher Smith', text: 'From general knowledge, not from the article: a career diplomat.' },
        ]}
      />,
    );
    const block = mounted.container.querySelector('aside');
    expect(block?.getAttribute('aria-label')).toBe(OUTSIDE_KNOWLEDGE_TITLE);
    expect(block?.querySelector('h3')?.textContent).toContain(
      "Not from the article — the model's background knowledge",
    );
    expect(block?.textContent).toContain('Christopher Smith');
    expect(block?.textContent).toContain('a career diplomat');
  });

  it('shows nothing when there is no background, or only items still streaming in without text', async () => {
    const mounted = render(<OutsideKnowledgeView items={[{ topic: 'Smith' }]} />);
    expect(mounted.container.innerHTML).toBe('');
    mounted.rerender(<OutsideKnowledgeView items={undefined} />);
    expect(mounted.container.innerHTML).toBe('');
  });
});
