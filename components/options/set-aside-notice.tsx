import { i18n } from '#i18n';
import { keepPlaceholders, richMessage } from '@/components/shared/rich-message';
import { endpointHost } from '@/lib/llm/endpoint-host';
import type { SetAsideCredential } from '@/lib/ui/credential-binding';

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
  const which = setAside.apiKey.trim() ? (setAside.customHeaders.trim() ? 'keyAndHeaders' : 'key') : 'headers';
  return (
    <div class="notice" role="status" data-testid="set-aside-notice">
      <p>
        {richMessage(i18n.t(`options.setAside.${which}.notSent`, { ...keepPlaceholders('from', 'to'), host: to }), {
          from: <strong>{from}</strong>,
          to: <strong>{to}</strong>,
        })}
      </p>
      <button type="button" class="button" onClick={onConfirm}>
        {i18n.t(`options.setAside.${which}.send`, { from, to })}
      </button>
    </div>
  );
}
