// A worker thread of the network roll-up (see read-agencies.ts): reads and
// scores the batches of workspaces it is sent, and sends back each agency's
// record (its export). Indicator texts travel once per worker, not once per agency.
import { parentPort, workerData } from 'node:worker_threads';
import { createReader, textKeys, type WorkerReply, type WorkerRequest } from './read-agencies.js';

const reader = createReader({ ...(workerData as { cwd: string; tiraVersion: string; keepTags: boolean }), share: false });
const sent = new Set<string>();

parentPort!.on('message', async (request: WorkerRequest) => {
  if (request.type === 'finish') {
    parentPort!.postMessage({ type: 'finished', frameworks: [...(await reader.frameworks())] } satisfies WorkerReply);
    return;
  }
  const outcomes = [];
  const texts: [string, string][] = [];
  for (const input of request.inputs) {
    const outcome = await reader.read(input);
    if ('record' in outcome) {
      const keys = textKeys(outcome.record);
      for (const [k, i] of outcome.record.indicators.entries()) {
        const key = keys[k]!;
        if (!sent.has(key)) {
          sent.add(key);
          texts.push([key, i.text]);
        }
        i.text = '';
      }
    }
    outcomes.push(outcome);
  }
  parentPort!.postMessage({ type: 'read', batch: request.batch, outcomes: JSON.stringify(outcomes), texts } satisfies WorkerReply);
});
