import { i18n } from '#i18n';
import { browser } from '#imports';
import { BrandMark } from '@/components/shared/brand-mark';
import '@/components/shared/brand-bar.css';

/** The product name, and a way to the options page from every surface. */
export function BrandBar({ onOptionsOpened }: { onOptionsOpened?: () => void }) {
  const openOptions = () => {
    void browser.runtime.openOptionsPage().then(onOptionsOpened);
  };
  return (
    <div class="brand-bar">
      <span class="brand">
        <BrandMark />
        Sourcelens
      </span>
      <button type="button" class="button button--quiet button--small" onClick={openOptions}>
        {i18n.t('shared.options')}
      </button>
    </div>
  );
}
