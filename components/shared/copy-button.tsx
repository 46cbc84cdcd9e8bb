import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';

interface CopyButtonProps {
  text: string;
  /** The accessible name, e.g. "Copy summary". */
  label: string;
}

const FEEDBACK_MS = 1600;

/** Copies `text`; the button briefly says "Copied" (or that copying failed) and announces it. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      // The clipboard refuses when the document lost focus in between; say so rather than pretend.
      setOutcome('failed');
    }
  };

  const visible =
    outcome === 'copied'
      ? i18n.t('shared.copy.copied')
      : outcome === 'failed'
        ? i18n.t('shared.copy.failed')
        : i18n.t('shared.copy.copy');
  return (
    <>
      <button
        type="button"
        class="button button--quiet button--small"
        aria-label={outcome === 'idle' ? label : visible}
        disabled={!text}
        onClick={copy}
      >
        {visible}
      </button>
      <span class="visually-hidden" role="status">
        {outcome === 'copied'
          ? i18n.t('shared.copy.copiedAnnounce')
          : outcome === 'failed'
            ? i18n.t('shared.copy.failedAnnounce')
            : ''}
      </span>
    </>
  );
}
