import { i18n } from '#i18n';
import type { CheckedClaimResult, SourceCheckResult } from '@/lib/sources/source-check-result';
import '@/components/source-checks/source-verdict.css';

interface SourceVerdictProps {
  claim: CheckedClaimResult;
  /** The checked source: its name, and its language for the passage's `lang`. */
  source: Pick<SourceCheckResult, 'name' | 'language' | 'partial' | 'url' | 'paragraphsSent'>;
  /** For a check one step further along the chain: the name of the checked source that links it. */
  parentName?: string;
}

function verdictLabel(verdict: CheckedClaimResult['verdict'], name: string, partial: boolean): string {
  switch (verdict) {
    case 'supported':
      return i18n.t('sourceChecks.verdict.supported', { name });
    case 'partly-supported':
      return i18n.t('sourceChecks.verdict.partlySupported', { name });
    case 'not-found':
      // Only part of the source was read: what it was not found in is that part.
      return i18n.t(partial ? 'sourceChecks.verdict.notFoundPartial' : 'sourceChecks.verdict.notFound', { name });
    case 'contradicted':
      return i18n.t('sourceChecks.verdict.contradicted', { name });
    case 'unverified':
      return i18n.t('sourceChecks.verdict.unverified');
  }
}

function unverifiedWhy(reason: CheckedClaimResult['unverifiedReason'], name: string, partial: boolean): string {
  switch (reason) {
    case 'no-passage':
      return i18n.t('sourceChecks.unverifiedWhy.noPassage', { name });
    case 'no-answer':
      return i18n.t('sourceChecks.unverifiedWhy.noAnswer');
    default:
      return i18n.t(
        partial ? 'sourceChecks.unverifiedWhy.passageNotInPart' : 'sourceChecks.unverifiedWhy.passageNotInSource',
        { name },
      );
  }
}

/**
 * What checking a note's claim against the linked source found: the verdict, what differs, and
 * the source's own passage (verified verbatim, in the source's language, with its English
 * rendering when the model gave one) with a link that opens the source at it. A check whose
 * passage is not in the source is an unverified check, never shown as support: it says why and
 * shows the closest passage the source has.
 */
export function SourceVerdict({ claim, source, parentName }: SourceVerdictProps) {
  const lang = source.language && source.language !== 'und' ? source.language : undefined;
  const differs =
    claim.difference && (claim.verdict === 'partly-supported' || claim.verdict === 'contradicted')
      ? claim.difference
      : null;
  return (
    // Not a section: a landmark per checked note would crowd the page's landmarks.
    <div class={`source-verdict source-verdict--${claim.verdict}`} data-verdict={claim.verdict}>
      <p class="source-verdict__label">
        <span class="source-verdict__icon" aria-hidden="true" />
        {verdictLabel(claim.verdict, source.name, source.partial !== null)}
        {parentName && (
          <span class="source-verdict__via"> ({i18n.t('sourceChecks.viaParent', { name: parentName })})</span>
        )}
      </p>
      {differs && <p class="source-verdict__differs">{i18n.t('sourceChecks.differs', { difference: differs })}</p>}
      {claim.verdict === 'unverified' && (
        <p class="source-verdict__why">{unverifiedWhy(claim.unverifiedReason, source.name, source.partial !== null)}</p>
      )}
      {claim.passage && claim.verdict !== 'unverified' && (
        <figure class="source-verdict__passage">
          <figcaption class="source-verdict__caption">{i18n.t('sourceChecks.passageLabel')}</figcaption>
          <blockquote class="quote" lang={lang}>
            {claim.passage.text}
          </blockquote>
          {claim.passage.translation && (
            <p class="source-verdict__english" lang="en">
              <span class="source-verdict__caption">{i18n.t('sourceChecks.passageEnglish')}: </span>
              {claim.passage.translation}
            </p>
          )}
          {claim.attributedTo && (
            <p class="source-verdict__attributed">
              {i18n.t('sourceChecks.attributedTo', { name: source.name, who: claim.attributedTo })}
            </p>
          )}
          <a class="source-verdict__link" href={claim.passage.link} target="_blank" rel="noopener noreferrer">
            {i18n.t('sourceChecks.openAtPassage', { name: source.name })}
          </a>
        </figure>
      )}
      {claim.verdict === 'unverified' && claim.claimedPassage && (
        <figure class="source-verdict__passage source-verdict__passage--claimed">
          <figcaption class="source-verdict__caption">{i18n.t('sourceChecks.claimedPassage')}</figcaption>
          <blockquote class="quote" lang={lang}>
            {claim.claimedPassage}
          </blockquote>
        </figure>
      )}
      {(claim.verdict === 'not-found' || claim.verdict === 'unverified') && (
        <>
          {claim.verdict === 'not-found' && (
            // No passage stands behind "not found": it is the model's reading of what it was given.
            <p class="source-verdict__why">
              {i18n.t('sourceChecks.notFoundWhy', source.paragraphsSent, {
                name: source.name,
                count: source.paragraphsSent,
              })}
            </p>
          )}
          <a class="source-verdict__link" href={source.url} target="_blank" rel="noopener noreferrer">
            {i18n.t('sourceChecks.openSource', { name: source.name })}
          </a>
        </>
      )}
      {claim.verdict === 'unverified' && claim.closest && (
        <figure class="source-verdict__passage">
          <figcaption class="source-verdict__caption">{i18n.t('sourceChecks.closestPassage')}</figcaption>
          <blockquote class="quote" lang={lang}>
            {claim.closest.text}
          </blockquote>
        </figure>
      )}
    </div>
  );
}
