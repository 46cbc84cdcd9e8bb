import type { Article } from '@/lib/article/article';
import { estimateJob, type JobEstimate } from '@/lib/budget/job-estimate';
import { modelLimits } from '@/lib/budget/model-limits';
import { modelPrice } from '@/lib/budget/model-prices';
import { defaultParallelRequests } from '@/lib/budget/parallel-requests';
import { planRequests, type RequestPlan } from '@/lib/budget/request-plan';
import type { Settings } from '@/lib/settings';

/** How a job's requests are cut, and what they are expected to cost, from the settings and the article. */
export function planJob(
  article: Article,
  settings: Settings,
  options: { translate: boolean },
): { plan: RequestPlan; estimate: JobEstimate } {
  const override = settings.modelOverrides[settings.model];
  const plan = planRequests(article, {
    model: settings.model,
    targetLanguage: settings.targetLanguage,
    limits: modelLimits(settings.model, settings.baseUrl, override),
    parallelRequests: settings.parallelRequests ?? defaultParallelRequests(settings.baseUrl),
    translate: options.translate,
  });
  const estimate = estimateJob(article, plan, {
    translate: options.translate,
    price: modelPrice(settings.model, settings.baseUrl, override),
    targetLanguage: settings.targetLanguage,
  });
  return { plan, estimate };
}
