import { useEffect, useState } from 'preact/hooks';
import { apiKeyItem, loadApiKey, loadSettings, watchSettings } from '../../lib/settings';
import { needsEndpointSetup } from '../../lib/setup/endpoint-setup';

/**
 * Whether the endpoint still needs setting up (no model, or no key where the provider requires one),
 * kept current as the settings and key change (here or on the options page). Null until read.
 */
export function useEndpointSetupNeeded(): boolean | null {
  const [needed, setNeeded] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const check = () =>
      void Promise.all([loadSettings(), loadApiKey()])
        .then(([settings, apiKey]) => live && setNeeded(needsEndpointSetup(settings, apiKey)))
        // Unreadable settings: leave it to the job, whose error says what is wrong.
        .catch(() => live && setNeeded(false));
    check();
    const stopSettings = watchSettings(check);
    const stopKey = apiKeyItem.watch(check);
    return () => {
      live = false;
      stopSettings();
      stopKey();
    };
  }, []);
  return needed;
}
