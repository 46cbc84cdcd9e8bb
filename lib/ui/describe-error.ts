import { i18n } from '#i18n';
import { NO_VISIBLE_TEXT } from '@/lib/article/no-visible-text';
import { resolveHttpUrl } from '@/lib/article/segments';
import { type AppError, assertNever, type RestrictedReason } from '@/lib/errors';
import { hostOf } from '@/lib/host-of';
import { hostLocality } from '@/lib/llm/endpoint';

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
  return detail ? i18n.t('error.endpointSaid', { detail }) : '';
}

function inParens(detail: string | undefined): string {
  return detail ? i18n.t('error.inParens', { detail }) : '';
}

/**
 * The words every surface shows for an AppError: a title, what happened in the endpoint's or
 * page's own terms, and the next step. One case per code; a new code without one fails to compile.
 */
export function describeError(error: AppError): ErrorDescription {
  switch (error.code) {
    case 'missing-api-key':
      return {
        title: i18n.t('error.missingApiKey.title'),
        message: i18n.t('error.missingApiKey.message', { host: error.host }),
        nextStep: i18n.t('error.missingApiKey.next'),
        actions: ['open-options'],
      };
    case 'missing-model':
      return {
        title: i18n.t('error.missingModel.title'),
        message: i18n.t('error.missingModel.message'),
        nextStep: i18n.t('error.missingModel.next'),
        actions: ['open-options'],
      };
    case 'invalid-settings':
      return {
        title: i18n.t('error.invalidSettings.title'),
        message: i18n.t('error.invalidSettings.message', { detail: error.detail }),
        nextStep: i18n.t('error.invalidSettings.next'),
        actions: ['open-options'],
      };
    case 'auth-failed':
      return {
        title: i18n.t('error.authFailed.title'),
        message: i18n.t('error.authFailed.message', {
          host: error.host,
          status: error.status,
          said: detailSuffix(error.detail),
        }),
        nextStep: i18n.t('error.authFailed.next'),
        actions: ['open-options'],
      };
    case 'origin-rejected':
      return {
        title: i18n.t('error.originRejected.title'),
        message: i18n.t('error.originRejected.message', { host: error.host, origin: error.origin }),
        nextStep: i18n.t('error.originRejected.next', { origin: error.origin }),
        actions: ['retry', 'open-options'],
      };
    case 'model-not-found':
      return {
        title: i18n.t('error.modelNotFound.title'),
        message: i18n.t('error.modelNotFound.message', { host: error.host, model: error.model }),
        nextStep: i18n.t('error.modelNotFound.next'),
        actions: ['open-options'],
      };
    case 'rate-limited': {
      const said = detailSuffix(error.detail);
      const wait = error.retryAfterSeconds !== null ? formatSeconds(error.retryAfterSeconds) : null;
      return {
        title: i18n.t('error.rateLimited.title'),
        message:
          wait !== null
            ? i18n.t('error.rateLimited.messageWait', { wait, said })
            : i18n.t('error.rateLimited.message', { said }),
        nextStep: wait !== null ? i18n.t('error.rateLimited.nextWait', { wait }) : i18n.t('error.rateLimited.next'),
        actions: ['retry'],
      };
    }
    case 'context-too-long':
      return {
        title: i18n.t('error.contextTooLong.title'),
        message: i18n.t('error.contextTooLong.message', { said: detailSuffix(error.detail) }),
        nextStep: i18n.t('error.contextTooLong.next'),
        actions: ['open-options', 'use-selection'],
      };
    case 'endpoint-unreachable':
      return {
        title: i18n.t('error.endpointUnreachable.title'),
        message: i18n.t('error.endpointUnreachable.message', { host: error.host, detail: inParens(error.detail) }),
        // CORS and OLLAMA_ORIGINS are advice for a server of one's own, never for a hosted API.
        nextStep:
          hostLocality(error.host) === 'local'
            ? i18n.t('error.endpointUnreachable.nextLocal')
            : i18n.t('error.endpointUnreachable.nextRemote'),
        actions: ['retry', 'open-options'],
      };
    case 'server-error':
      return {
        title: i18n.t('error.serverError.title'),
        message: i18n.t('error.serverError.message', {
          host: error.host,
          status: error.status,
          said: detailSuffix(error.detail),
        }),
        nextStep: i18n.t('error.serverError.next'),
        actions: ['retry'],
      };
    case 'bad-request':
      return {
        title: i18n.t('error.badRequest.title'),
        message: i18n.t('error.badRequest.message', { status: error.status, detail: error.detail }),
        nextStep: i18n.t('error.badRequest.next'),
        actions: ['retry', 'open-options'],
      };
    case 'answer-not-understood':
      return {
        title: i18n.t('error.answerNotUnderstood.title'),
        message: i18n.t('error.answerNotUnderstood.message', { detail: error.detail }),
        nextStep: i18n.t('error.answerNotUnderstood.next'),
        actions: ['retry', 'open-options'],
      };
    case 'stream-interrupted':
      return {
        title: i18n.t('error.streamInterrupted.title'),
        message: i18n.t('error.streamInterrupted.message', { detail: inParens(error.detail) }),
        nextStep: i18n.t('error.streamInterrupted.next'),
        actions: ['retry'],
      };
    case 'endpoint-error-mid-answer':
      return {
        title: i18n.t('error.endpointErrorMidAnswer.title'),
        message: i18n.t('error.endpointErrorMidAnswer.message', { host: error.host, said: detailSuffix(error.detail) }),
        nextStep: i18n.t('error.endpointErrorMidAnswer.next'),
        actions: ['retry', 'open-options'],
      };
    case 'answer-cut':
      return {
        title: i18n.t('error.answerCut.title'),
        message: i18n.t('error.answerCut.message', { detail: inParens(error.detail) }),
        nextStep: i18n.t('error.answerCut.next'),
        actions: ['retry', 'open-options'],
      };
    case 'model-refused':
      return {
        title: i18n.t('error.modelRefused.title'),
        message: i18n.t('error.modelRefused.message', { detail: error.detail }),
        nextStep: i18n.t('error.modelRefused.next'),
        actions: ['retry', 'open-options'],
      };
    case 'not-an-article':
      if (error.frameUrl) {
        return {
          title: i18n.t('error.articleInFrame.title'),
          message: i18n.t('error.articleInFrame.message', { host: hostOf(error.frameUrl) }),
          nextStep: i18n.t('error.articleInFrame.next', { url: error.frameUrl }),
          actions: error.hasSelection ? ['use-selection'] : [],
          // The address comes from the page: offered as a link only when it is http(s).
          ...(resolveHttpUrl(error.frameUrl, error.frameUrl)
            ? { link: { url: error.frameUrl, label: i18n.t('error.articleInFrame.link') } }
            : {}),
        };
      }
      return {
        title: i18n.t('error.notAnArticle.title'),
        message: i18n.t('error.notAnArticle.message'),
        nextStep: error.hasSelection
          ? i18n.t('error.notAnArticle.nextWithSelection')
          : i18n.t('error.notAnArticle.next'),
        actions: error.hasSelection ? ['use-selection', 'use-page'] : ['use-page'],
      };
    case 'restricted-page':
      return {
        title: i18n.t('error.restrictedPage.title'),
        message: restrictedMessage(error.reason),
        nextStep:
          error.reason === 'file-access'
            ? i18n.t('error.restrictedPage.nextFileAccess')
            : i18n.t('error.restrictedPage.next'),
        actions: error.reason === 'file-access' ? ['retry'] : [],
      };
    case 'page-access-denied':
      return {
        title: i18n.t('error.pageAccessDenied.title'),
        message: i18n.t('error.pageAccessDenied.message'),
        nextStep: i18n.t('error.pageAccessDenied.next'),
        actions: ['retry'],
      };
    case 'extraction-failed':
      return {
        title: i18n.t('error.extractionFailed.title'),
        message:
          error.detail === NO_VISIBLE_TEXT
            ? i18n.t('error.extractionFailed.noVisibleText')
            : i18n.t('error.extractionFailed.message', { detail: error.detail }),
        nextStep: i18n.t('error.extractionFailed.next'),
        actions: ['retry', 'use-selection'],
      };
    case 'cancelled':
      return {
        title: i18n.t('error.cancelled.title'),
        message: i18n.t('error.cancelled.message'),
        nextStep: i18n.t('error.cancelled.next'),
        actions: ['retry'],
      };
    case 'unknown':
      return {
        title: i18n.t('error.unknown.title'),
        message: error.detail || i18n.t('error.unknown.noDetail'),
        nextStep: i18n.t('error.unknown.next'),
        actions: ['retry', 'open-options'],
      };
    case 'request-blocked': {
      const reference = error.reference ? i18n.t('error.requestBlocked.reference', { reference: error.reference }) : '';
      return {
        title: i18n.t('error.requestBlocked.title'),
        message: i18n.t('error.requestBlocked.message', {
          host: error.host,
          status: error.status,
          by: error.by ? i18n.t('error.requestBlocked.by', { by: error.by }) : '',
          said: error.detail
            ? i18n.t('error.requestBlocked.said', { detail: error.detail })
            : i18n.t('error.requestBlocked.saidNothing'),
          why: blockedBy(error.by),
        }),
        nextStep: error.by
          ? i18n.t('error.requestBlocked.nextNamed', { reference })
          : i18n.t('error.requestBlocked.nextUnnamed', { reference }),
        actions: ['retry', 'open-options'],
      };
    }
    case 'gateway-error':
      return {
        title: i18n.t('error.gatewayError.title'),
        message: i18n.t('error.gatewayError.message', {
          host: error.host,
          status: error.status,
          by: error.by ? i18n.t('error.gatewayError.by', { by: error.by }) : '',
          said: error.detail ? i18n.t('error.gatewayError.said', { detail: error.detail }) : '',
        }),
        nextStep: i18n.t('error.gatewayError.next', {
          reference: error.reference ? i18n.t('error.gatewayError.reference', { reference: error.reference }) : '',
        }),
        actions: ['retry'],
      };
    case 'out-of-credit':
      return {
        title: i18n.t('error.outOfCredit.title'),
        message: i18n.t('error.outOfCredit.message', {
          host: error.host,
          status: error.status,
          said: error.detail ? i18n.t('error.outOfCredit.said', { detail: error.detail }) : '',
        }),
        nextStep: i18n.t('error.outOfCredit.next'),
        actions: ['retry', 'open-options'],
      };
    default:
      return assertNever(error);
  }
}

/** Who stopped a request, as far as the answer shows: only a named CDN or firewall rules out the key. */
function blockedBy(by: string | undefined): string {
  return by ? i18n.t('error.requestBlocked.whyNamed') : i18n.t('error.requestBlocked.whyUnnamed');
}

function restrictedMessage(reason: RestrictedReason): string {
  switch (reason) {
    case 'browser-internal':
      return i18n.t('error.restrictedPage.browserInternal');
    case 'web-store':
      return i18n.t('error.restrictedPage.webStore');
    case 'pdf-viewer':
      return i18n.t('error.restrictedPage.pdfViewer');
    case 'file-access':
      return i18n.t('error.restrictedPage.fileAccess');
    default:
      return assertNever(reason);
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return i18n.t('error.seconds', { n: Math.max(1, Math.round(seconds)) });
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return rest === 0 ? i18n.t('error.minutes', { n: minutes }) : i18n.t('error.minutesSeconds', { m: minutes, s: rest });
}
