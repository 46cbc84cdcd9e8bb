import '@/components/shared/skeleton.css';
/** Grey lines standing in for text that is on its way. */
export function Skeleton() {
  return (
    <div class="skeleton" aria-hidden="true">
      <span />
      <span />
      <span />
    </div>
  );
}
