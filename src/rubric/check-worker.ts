// A worker thread that checks its share of a large set of files (see load.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckOptions } from './check-file.js';
import { checkInProcess } from './load.js';

const { files, options } = workerData as { files: string[]; options: CheckOptions };
parentPort!.postMessage(await checkInProcess(files, options, false));
