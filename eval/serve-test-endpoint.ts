/**
 * `node --import tsx eval/serve-test-endpoint.ts`: the project's OpenAI-compatible test server
 * (tests/support/openai-test-server.ts) on 127.0.0.1 until Ctrl-C, to try `npm run eval` without
 * a key. It answers every article with the seed article's fixtures, and every source check as a
 * careful model checks the seed's NYT claims (tests/support/source-check-scenario.ts), so only
 * the seed scores well: the figures test the eval's plumbing, not a model.
 */
import { startOpenAITestServer } from '@/tests/support/openai-test-server';
import { sourceCheckResponder } from '@/tests/support/source-check-scenario';

const server = await startOpenAITestServer({ respond: sourceCheckResponder() });
console.log(`Test endpoint at ${server.url}: npm run eval -- --base-url ${server.url} --model gpt-4o-mini`);
// Exit at once: closing the server would wait for the SDK's idle keep-alive connections.
process.on('SIGINT', () => process.exit(0));
