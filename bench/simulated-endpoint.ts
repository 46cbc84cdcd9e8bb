/**
 * The simulated endpoint, in a process of its own so that its work (parsing requests, pacing
 * streams) does not share an event loop with the pipeline being measured:
 *
 *   node --import tsx bench/simulated-endpoint.ts <ttftMs> <tokensPerSecond> <maxStreams> <model>
 *
 * Prints its base URL as the first line of stdout, and stops when its stdin closes.
 */
import { startOpenAITestServer } from '@/tests/support/openai-test-server';
import { combinedAnswer, requestPurpose } from '@/tests/support/seed-fixtures';
import { simulatedAnalysis, simulatedTranslation } from '@/bench/simulated-answers';

const [ttftMs, tokensPerSecond, maxStreams] = process.argv.slice(2, 5).map(Number);
const model = process.argv[5] ?? 'gpt-4o-mini';

const server = await startOpenAITestServer({
  apiKey: 'sk-bench',
  models: [model],
  maxConcurrentStreams: maxStreams,
  respond: (request) => {
    if (request.path !== '/v1/chat/completions') return undefined;
    const purpose = requestPurpose(request.body);
    const content =
      purpose === 'translation'
        ? simulatedTranslation(request.body)
        : purpose === 'combined'
          ? combinedAnswer(simulatedAnalysis(request.body), simulatedTranslation(request.body))
          : simulatedAnalysis(request.body);
    // Time to first token counts from the request's arrival: the simulator's own work on it is part of it.
    const firstTokenDelayMs = Math.max(0, (ttftMs ?? 0) - (Date.now() - (request.arrivedAt ?? request.receivedAt)));
    return { kind: 'stream', content, firstTokenDelayMs, tokensPerSecond };
  },
});
console.log(server.url);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
