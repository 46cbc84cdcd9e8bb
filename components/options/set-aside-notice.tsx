import { endpointHost } from '../../lib/llm/endpoint-host';
import type { SetAsideCredential } from '../../lib/ui/credential-binding';

interface SetAsideNoticeProps {
  setAside: SetAsideCredential;
  baseUrl: string;
  onConfirm: () => void;
}

/**
 * Says that the key entered for one host is not sent to the host now in Base URL, and offers to send it
 * there too: a choice the user makes in so many words, never a default.
 */
export function SetAsideNotice({ setAside, baseUrl, onConfirm }: SetAsideNoticeProps) {
  const from = endpointHost(setAside.origin);
  const to = endpointHost(baseUrl);
  const what = setAside.apiKey.trim() ? (setAside.customHeaders.trim() ? 'API key and headers' : 'API key') : 'headers';
  return (
    <div class="notice" role="status" data-testid="set-aside-notice">
      <p>
        The {what} entered for <strong>{from}</strong> {what === 'API key' ? 'is' : 'are'} not sent to{' '}
        <strong>{to}</strong>. Enter the key for {to}, or send it the same one.
      </p>
      <button type="button" class="button" onClick={onConfirm}>
        Send the {from} {what} to {to} too
      </button>
    </div>
  );
}
