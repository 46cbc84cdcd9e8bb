import type { ComponentChildren } from 'preact';
import { PartStatusLabel } from '@/components/panel/part-status';
import { CopyButton } from '@/components/shared/copy-button';
import type { PartStatus } from '@/lib/job/job';
import '@/components/panel/region.css';

interface RegionProps {
  /** Also the accessible name of the section: "Summary", "Sources", "Translation". */
  title: string;
  /** The copy button's accessible name: "Copy summary". */
  copyLabel: string;
  status: PartStatus;
  copyText: string;
  children: ComponentChildren;
}

/** One of the result's three parts: a titled section with its own status and copy button. */
export function Region({ title, copyLabel, status, copyText, children }: RegionProps) {
  return (
    <section class="region" aria-label={title} aria-busy={status === 'streaming'}>
      <header class="region__header">
        <h2 class="region__title">{title}</h2>
        <PartStatusLabel status={status} />
        <CopyButton text={copyText} label={copyLabel} />
      </header>
      {children}
    </section>
  );
}
