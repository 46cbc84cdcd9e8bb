import { i18n } from '#i18n';
import type { GroundingStatus } from '@/lib/attribution/grounding';
import '@/components/notes/verification-tally.css';

/** A note's outcome: its quote's grounding, or a verbatim quote whose attribution the article does not make. */
export type NoteCheckStatus = GroundingStatus | 'attribution-missing';

interface VerificationTallyProps {
  statuses: readonly NoteCheckStatus[];
  hideUnverified: boolean;
  onHideUnverifiedChange: (hide: boolean) => void;
}

/** "11 of 12 notes verified", a bar of the three outcomes, and the switch that hides the unverified notes. */
export function VerificationTally({ statuses, hideUnverified, onHideUnverifiedChange }: VerificationTallyProps) {
  const total = statuses.length;
  const verified = statuses.filter((status) => status === 'verified').length;
  const nearMiss = statuses.filter((status) => status === 'near-miss').length;
  const notFound = statuses.filter((status) => status === 'not-found').length;
  const attributionMissing = statuses.filter((status) => status === 'attribution-missing').length;
  const details = [
    attributionMissing > 0 &&
      i18n.t('notes.tally.attributionMissing', attributionMissing, { count: attributionMissing }),
    nearMiss > 0 && i18n.t('notes.tally.nearMiss', nearMiss, { count: nearMiss }),
    notFound > 0 && i18n.t('notes.tally.notFound', notFound, { count: notFound }),
  ].filter(Boolean);
  return (
    <div class="verification-tally">
      <p class="verification-tally__summary">
        <strong>{i18n.t('notes.tally.verifiedCount', { verified, total })}</strong>{' '}
        {i18n.t('notes.tally.notesVerified')}
      </p>
      <div class="tally-bar" aria-hidden="true">
        {verified > 0 && <span class="tally-bar__part tally-bar__part--verified" style={{ flexGrow: verified }} />}
        {nearMiss + attributionMissing > 0 && (
          <span
            class="tally-bar__part tally-bar__part--near-miss"
            style={{ flexGrow: nearMiss + attributionMissing }}
          />
        )}
        {notFound > 0 && <span class="tally-bar__part tally-bar__part--not-found" style={{ flexGrow: notFound }} />}
      </div>
      <div class="verification-tally__footer">
        <p class="verification-tally__detail">
          {details.length > 0 ? details.join(' · ') : i18n.t('notes.tally.allVerified')}
        </p>
        {verified < total && (
          <label class="switch">
            <input
              type="checkbox"
              class="switch__input"
              checked={hideUnverified}
              onChange={(event) => onHideUnverifiedChange(event.currentTarget.checked)}
            />
            <span class="switch__track" aria-hidden="true" />
            {i18n.t('notes.tally.hideUnverified')}
          </label>
        )}
      </div>
    </div>
  );
}
