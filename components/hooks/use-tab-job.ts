import { useMemo } from 'preact/hooks';
import { createJobActions } from '@/components/panel/job-actions';
import { useJobSubscription } from '@/components/hooks/use-job-subscription';
import { useTargetTab } from '@/components/hooks/use-target-tab';
import { useThemeSetting } from '@/components/hooks/use-theme-setting';

/** What every job surface starts with: the theme, the tab it shows, that tab's job and its actions. */
export function useTabJob() {
  useThemeSetting();
  const target = useTargetTab();
  const tabId = target?.tabId ?? null;
  const { job, synced } = useJobSubscription(tabId);
  const actions = useMemo(() => (tabId === null ? null : createJobActions(tabId)), [tabId]);
  return { target, tabId, job, synced, actions };
}
