// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mount } from '../fixtures/mount';
import { OUTSIDE_KNOWLEDGE_TITLE, OutsideKnowledgeView } from './outside-knowledge-view';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('OutsideKnowledgeView', () => {
  it("labels the model's background knowledge as not from the article", async () => {
    mounted = await mount(
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
    mounted = await mount(<OutsideKnowledgeView items={[{ topic: 'Smith' }]} />);
    expect(mounted.container.innerHTML).toBe('');
    await mounted.rerender(<OutsideKnowledgeView items={undefined} />);
    expect(mounted.container.innerHTML).toBe('');
  });
});
