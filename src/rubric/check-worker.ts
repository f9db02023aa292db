// A worker thread that checks batches of a large set of files as load.ts sends
// them, with one checker for its whole share, so that it reads each catalog once.
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckOptions, FileCheck } from './check-file.js';
import { FileChecker } from './check-file.js';
import { checkInProcess } from './load.js';

const { options } = workerData as { options: CheckOptions };
const checker = new FileChecker(options);
parentPort!.on('message', async ({ batch, files }: { batch: number; files: string[] }) => {
  const checks: FileCheck[] = [];
  for await (const check of checkInProcess(files, options, false, checker)) checks.push(check);
  parentPort!.postMessage({ batch, checks });
});
