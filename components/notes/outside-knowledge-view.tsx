import { i18n } from '#i18n';
import type { PartialAnalysis } from '@/lib/attribution/analysis';
import '@/components/notes/outside-knowledge-view.css';

interface OutsideKnowledgeViewProps {
  items: PartialAnalysis['outsideKnowledge'];
}

/** The block's heading and accessible name. Read once: the browser's language does not change while a page is open. */
export const OUTSIDE_KNOWLEDGE_TITLE = i18n.t('notes.outsideKnowledge.title');

/**
 * What the model added from its own knowledge (who a person is, who owns the outlet), set apart
 * from the notes in its own labelled block so it is never read as something the article says.
 */
export function OutsideKnowledgeView({ items }: OutsideKnowledgeViewProps) {
  const list = (items ?? []).filter((item) => item.text?.trim());
  if (list.length === 0) return null;
  return (
    <aside class="outside-knowledge" aria-label={OUTSIDE_KNOWLEDGE_TITLE}>
      <h3 class="outside-knowledge__title">
        <span class="outside-knowledge__icon" aria-hidden="true">
          i
        </span>
        {OUTSIDE_KNOWLEDGE_TITLE}
      </h3>
      <p class="outside-knowledge__caveat">{i18n.t('notes.outsideKnowledge.caveat')}</p>
      <ul class="outside-knowledge__list">
        {list.map((item, index) => (
          <li key={index}>
            {item.topic && <span class="outside-knowledge__topic">{item.topic}</span>}
            <span class="outside-knowledge__text">{item.text}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
