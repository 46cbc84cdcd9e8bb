import { resolveHttpUrl } from '../article/segments';
import { type AppError, assertNever, type RestrictedReason } from '../errors';
import { hostLocality } from '../llm/endpoint';

/**
 * The words every surface shows for an AppError: a title, what happened in the endpoint's or
 * page's own terms, and the next step. One case per code; a new code without one fails to compile.
 */

/** What a surface can offer next to the message; each surface wires these to its own controls. */
export type ErrorAction = 'retry' | 'open-options' | 'use-selection' | 'use-page';

export interface ErrorDescription {
  title: string;
  message: string;
  nextStep: string;
  actions: ErrorAction[];
  /** A page the next step sends the reader to, opened in a new tab: always an http(s) URL. */
  link?: { url: string; label: string };
}

function detailSuffix(detail: string | undefined): string {
  return detail ? ` The endpoint said: “${detail}”` : '';
}

export function describeError(error: AppError): ErrorDescription {
  switch (error.code) {
    case 'missing-api-key':
      return {
        title: 'No API key set',
        message: `${error.host} needs an API key, and none is saved.`,
        nextStep: 'Open Options, paste your API key and press Test connection.',
        actions: ['open-options'],
      };
    case 'missing-model':
      return {
        title: 'No model chosen',
        message: 'Sourcelens does not know which model to ask.',
        nextStep: 'Open Options, press List models (or type a model name) and save.',
        actions: ['open-options'],
      };
    case 'invalid-settings':
      return {
        title: 'Settings need attention',
        message: `The saved settings are not valid: ${error.detail}`,
        nextStep: 'Open Options, correct the highlighted field and save.',
        actions: ['open-options'],
      };
    case 'auth-failed':
      return {
        title: 'API key rejected',
        message: `${error.host} rejected the API key (HTTP ${error.status}).${detailSuffix(error.detail)}`,
        nextStep: 'Open Options, check or replace the API key, and press Test connection.',
        actions: ['open-options'],
      };
    case 'origin-rejected':
      return {
        title: 'The local server refused the extension',
        message: `${error.host} answered 403 to requests from the extension (origin ${error.origin}). Ollama only accepts origins it is told to trust.`,
        nextStep: `Restart Ollama with OLLAMA_ORIGINS set, e.g. OLLAMA_ORIGINS="${error.origin}" ollama serve (or "chrome-extension://*,moz-extension://*"), then Retry.`,
        actions: ['retry', 'open-options'],
      };
    case 'model-not-found':
      return {
        title: 'Model not found',
        message: `${error.host} has no model called “${error.model}”, or this key may not use it.`,
        nextStep: 'Open Options, press List models and pick one the endpoint offers.',
        actions: ['open-options'],
      };
    case 'rate-limited':
      return {
        title: 'Rate limited',
        message:
          error.retryAfterSeconds !== null
            ? `The endpoint asks to wait ${formatSeconds(error.retryAfterSeconds)} before the next request.${detailSuffix(error.detail)}`
            : `The endpoint is limiting requests for now.${detailSuffix(error.detail)}`,
        nextStep:
          error.retryAfterSeconds !== null
            ? `Retry in ${formatSeconds(error.retryAfterSeconds)}, or check your plan's limits.`
            : 'Wait a minute and Retry, or check your plan’s limits and billing.',
        actions: ['retry'],
      };
    case 'context-too-long':
      return {
        title: 'Article too long for this model',
        message: `The article and instructions exceed the model’s context window.${detailSuffix(error.detail)}`,
        nextStep:
          'Choose a model with a larger context window in Options, or select a part of the article and analyse the selection.',
        actions: ['open-options', 'use-selection'],
      };
    case 'endpoint-unreachable':
      return {
        title: 'Endpoint unreachable',
        message: `Could not reach ${error.host}.${error.detail ? ` (${error.detail})` : ''}`,
        // CORS and OLLAMA_ORIGINS are advice for a server of one's own, never for a hosted API.
        nextStep:
          hostLocality(error.host) === 'local'
            ? 'Check the Base URL in Options and that the server is running; a local server must also allow the extension (CORS / OLLAMA_ORIGINS). Then Retry.'
            : 'Check the Base URL in Options (it usually ends in /v1) and your network connection, then Retry; if it persists, check the provider’s status page.',
        actions: ['retry', 'open-options'],
      };
    case 'server-error':
      return {
        title: 'The endpoint failed',
        message: `${error.host} answered HTTP ${error.status}.${detailSuffix(error.detail)}`,
        nextStep: 'This is usually temporary: Retry in a moment.',
        actions: ['retry'],
      };
    case 'bad-request':
      return {
        title: 'The endpoint refused the request',
        message: `HTTP ${error.status}: ${error.detail}`,
        nextStep: 'Check that the model supports chat completions, or pick another model in Options.',
        actions: ['retry', 'open-options'],
      };
    case 'answer-not-understood':
      return {
        title: 'Answer not understood',
        message: `The model’s answer was not in the expected form: ${error.detail}`,
        nextStep: 'Retry; if it keeps happening, choose a stronger model in Options.',
        actions: ['retry', 'open-options'],
      };
    case 'stream-interrupted':
      return {
        title: 'Stream interrupted',
        message: `The connection dropped before the answer was complete.${error.detail ? ` (${error.detail})` : ''} What arrived is kept.`,
        nextStep: 'Retry to request it again.',
        actions: ['retry'],
      };
    case 'endpoint-error-mid-answer':
      return {
        title: 'The endpoint reported an error mid-answer',
        message: `${error.host} stopped the answer with an error of its own.${detailSuffix(error.detail)} What arrived is kept.`,
        nextStep:
          'Retry; if it happens again, the model or provider may be overloaded: try again later or pick another model in Options.',
        actions: ['retry', 'open-options'],
      };
    case 'answer-cut':
      return {
        title: 'Answer cut short',
        message: `The model stopped at its output limit before finishing.${error.detail ? ` (${error.detail})` : ''} What arrived is kept.`,
        nextStep: 'Retry, or choose a model with a larger output limit in Options.',
        actions: ['retry', 'open-options'],
      };
    case 'model-refused':
      return {
        title: 'The model declined',
        message: `The model refused: “${error.detail}”`,
        nextStep: 'Retry, or try another model in Options.',
        actions: ['retry', 'open-options'],
      };
    case 'not-an-article':
      if (error.frameUrl) {
        return {
          title: 'The article is in a frame from another site',
          message: `The text on this page appears to come from ${hostOf(error.frameUrl)}, shown in a frame. Browsers do not let extensions read another site's frame from the page around it.`,
          nextStep: `Open ${error.frameUrl} in its own tab and analyse it there.`,
          actions: error.hasSelection ? ['use-selection'] : [],
          // The address comes from the page: offered as a link only when it is http(s).
          ...(resolveHttpUrl(error.frameUrl, error.frameUrl)
            ? { link: { url: error.frameUrl, label: 'Open the frame in a new tab' } }
            : {}),
        };
      }
      return {
        title: 'This page is not an article',
        message: 'Sourcelens found no article body on this page.',
        nextStep: error.hasSelection
          ? 'Analyse the text you selected, or the whole page’s text.'
          : 'Select the passage you want and analyse the selection, or analyse the whole page’s text.',
        actions: error.hasSelection ? ['use-selection', 'use-page'] : ['use-page'],
      };
    case 'restricted-page':
      return {
        title: 'Sourcelens cannot read this page',
        message: restrictedMessage(error.reason),
        nextStep:
          error.reason === 'file-access'
            ? 'Enable “Allow access to file URLs” for Sourcelens on the extensions page, then Retry.'
            : 'Open a news article on a website and click the Sourcelens icon there.',
        actions: error.reason === 'file-access' ? ['retry'] : [],
      };
    case 'page-access-denied':
      return {
        title: 'No access to this page',
        message: 'The browser did not let Sourcelens read this page.',
        nextStep: 'Click the Sourcelens toolbar icon while this page is open: that grants access to it.',
        actions: ['retry'],
      };
    case 'extraction-failed':
      return {
        title: 'Could not read the page',
        message: `Extracting the article failed: ${error.detail}`,
        nextStep: 'Reload the page and try again, or analyse a selection.',
        actions: ['retry', 'use-selection'],
      };
    case 'cancelled':
      return {
        title: 'Cancelled',
        message: 'You stopped this analysis. What arrived is kept.',
        nextStep: 'Press Retry to run it again.',
        actions: ['retry'],
      };
    case 'unknown':
      return {
        title: 'Something went wrong',
        message: error.detail,
        nextStep: 'Retry; if it persists, check the endpoint settings in Options.',
        actions: ['retry', 'open-options'],
      };
    case 'request-blocked':
      return {
        title: 'The request was blocked before it reached the model',
        message: `${error.host} refused the request with HTTP ${error.status}${error.by ? ` from ${error.by}` : ''}${error.detail ? `: “${error.detail}”` : ' and gave no reason'}. ${blockedBy(error.by)}`,
        nextStep: `Try another network, or switch a VPN or proxy off (or on), then Retry. If it keeps happening, ${error.by ? 'contact the provider' : 'check that your key may use this endpoint, or contact the provider'}${error.reference ? ` and give them the reference ${error.reference}` : ''}.`,
        actions: ['retry', 'open-options'],
      };
    case 'gateway-error':
      return {
        title: 'The provider is unreachable or overloaded',
        message: `${error.host} answered HTTP ${error.status}${error.by ? ` from ${error.by}` : ''}${error.detail ? `: “${error.detail}”` : ''}. The gateway in front of the provider could not get an answer from it: the provider is down, unreachable or overloaded.`,
        nextStep: `This is usually temporary: Retry in a few minutes, or check the provider’s status page${error.reference ? ` (reference ${error.reference})` : ''}.`,
        actions: ['retry'],
      };
    case 'out-of-credit':
      return {
        title: 'Out of credit',
        message: `${error.host} refused the request because the account has no credit or quota left (HTTP ${error.status})${error.detail ? `: “${error.detail}”` : ''}.`,
        nextStep:
          'Add credit or raise the spending limit in your account’s billing settings at the provider (or choose a free model), then Retry. Waiting does not help.',
        actions: ['retry', 'open-options'],
      };
    default:
      return assertNever(error);
  }
}

/** Who stopped a request, as far as the answer shows: only a named CDN or firewall rules out the key. */
function blockedBy(by: string | undefined): string {
  return by
    ? 'This is the provider’s or your network’s firewall or bot protection, not your API key.'
    : 'A firewall or proxy on the way, or the provider’s own access rules (your network, region or key), stopped it.';
}

function restrictedMessage(reason: RestrictedReason): string {
  switch (reason) {
    case 'browser-internal':
      return 'Browser pages (settings, new tab, extensions) cannot be read by extensions.';
    case 'web-store':
      return 'The browser’s extension store does not allow extensions to read it.';
    case 'pdf-viewer':
      return 'PDFs open in the browser’s built-in viewer, which extensions cannot read.';
    case 'file-access':
      return 'Sourcelens is not allowed to read local files.';
    default:
      return assertNever(reason);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
