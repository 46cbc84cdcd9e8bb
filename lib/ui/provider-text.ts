import { i18n } from '#i18n';
import { PROVIDERS, type ProviderGroup, type ProviderId } from '@/lib/providers';

/**
 * The setup step a preset needs, as Options and the first-run setup show it under the Provider
 * field, in the interface's language (locales/*.yml, `providerHelp`).
 */
export function providerHelp(id: ProviderId): string {
  return i18n.t(`providerHelp.${id}`);
}

/** The label of a group of the Provider field ("Hosted", "On your machine", "Other"). */
export function providerGroupLabel(group: ProviderGroup): string {
  return i18n.t(`providerGroup.${group}`);
}

/**
 * A preset's name in the Provider field: the provider's own name, except "Custom OpenAI-compatible
 * URL", which is words of ours and so in the interface's language.
 */
export function providerLabel(id: ProviderId): string {
  return id === 'custom' ? i18n.t('providerLabel.custom') : PROVIDERS[id].label;
}
