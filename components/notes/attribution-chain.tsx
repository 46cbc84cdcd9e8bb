import { i18n } from '#i18n';
import type { ChainLink } from '@/lib/attribution/analysis';
import '@/components/notes/attribution-chain.css';

interface AttributionChainProps {
  /** From this page to the original source; links still streaming may lack a name. */
  chain: ReadonlyArray<Partial<ChainLink> | undefined> | undefined;
  /** The article's language tag, for the original-language cue phrases. */
  lang: string | undefined;
}

/**
 * Who relays the claim to whom, as a small chain of steps: This page → The New York Times →
 * meeting participants → Christopher Smith, each step with the phrase of the original that marks
 * it ("laut der New York Times") under its name.
 */
export function AttributionChain({ chain, lang }: AttributionChainProps) {
  const links = (chain ?? []).filter((link): link is Partial<ChainLink> & { name: string } => Boolean(link?.name));
  if (links.length === 0) return null;
  return (
    <ol class="chain" aria-label={i18n.t('notes.card.chain')}>
      {links.map((link, index) => (
        <li class={`chain__link${index === links.length - 1 && index > 0 ? ' chain__link--origin' : ''}`} key={index}>
          {index > 0 && (
            // Spaces in the text (not only CSS padding), so copied text and reader modes read right.
            <span class="chain__arrow" aria-hidden="true">
              {' → '}
            </span>
          )}
          <span class="chain__step">
            <span class="chain__name">{link.name}</span>
            {link.cue && (
              <>
                {' '}
                <i class="chain__cue" lang={lang}>
                  {link.cue}
                </i>
              </>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
