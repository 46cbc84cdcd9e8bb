import { useEffect, useState } from 'preact/hooks';
import { loadCredentialFor, watchCredential } from '@/lib/endpoint-credential';
import { loadSettings, watchSettings } from '@/lib/settings';
import { needsEndpointSetup } from '@/lib/setup/endpoint-setup';

/**
 * Whether the endpoint still needs setting up (no model, or no key where the provider requires one),
 * kept current as the settings and key change (here or on the options page). Null until read.
 */
export function useEndpointSetupNeeded(): boolean | null {
  const [needed, setNeeded] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const check = () =>
      void loadSettings()
        .then(async (settings) => {
          // Only a key saved for this very endpoint counts (the key is bound to its origin).
          const { apiKey } = await loadCredentialFor(settings.baseUrl);
          if (live) setNeeded(needsEndpointSetup(settings, apiKey));
        })
        // Unreadable settings: leave it to the job, whose error says what is wrong.
        .catch(() => live && setNeeded(false));
    check();
    const stopSettings = watchSettings(check);
    const stopKey = watchCredential(check);
    return () => {
      live = false;
      stopSettings();
      stopKey();
    };
  }, []);
  return needed;
}
