import iconUrl from '@/assets/icon.svg';
import '@/components/shared/brand-mark.css';

/** The Sourcelens lens mark, from the same SVG the toolbar icons are built from. Decorative: the name follows it. */
export function BrandMark() {
  return <img class="brand__mark" src={iconUrl} alt="" width={18} height={18} />;
}
