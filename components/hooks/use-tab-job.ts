import { useMemo } from 'preact/hooks';
import { createJobActions } from '../panel/job-actions';
import { useJobSubscription } from './use-job-subscription';
import { useTargetTab } from './use-target-tab';
import { useThemeSetting } from './use-theme-setting';

/** What every job surface starts with: the theme, the tab it shows, that tab's job and its actions. */
export function useTabJob() {
  useThemeSetting();
  const target = useTargetTab();
  const tabId = target?.tabId ?? null;
  const { job, synced } = useJobSubscription(tabId);
  const actions = useMemo(() => (tabId === null ? null : createJobActions(tabId)), [tabId]);
  return { target, tabId, job, synced, actions };
}
