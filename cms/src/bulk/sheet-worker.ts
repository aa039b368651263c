/**
 * Worker thread of readSheetInWorker (sheet-reader.ts): parses an uploaded sheet with its own
 * small V8 heap and posts the rows in batches, at most a few batches ahead of the importer.
 * Parsing makes most of an import's short-lived garbage; here it stays in a heap of a few tens
 * of megabytes instead of growing the server's, and it runs beside the server's event loop.
 */
import { parentPort, workerData } from 'worker_threads';
import { FileProblem } from './csv';
import { readSheet, type SheetFormat, type SheetRow } from './sheet-reader';

export interface WorkerInput {
  file: string;
  format: SheetFormat;
  batchRows: number;
}

export type WorkerMessage = { rows: SheetRow[] } | { done: true } | { problem: string } | { error: string };

/** Batches the main thread has asked for and not received yet. */
let credit = 0;
let wake: (() => void) | null = null;
parentPort!.on('message', (m: { more: number }) => {
  credit += m.more;
  wake?.();
});

async function main() {
  const { file, format, batchRows } = workerData as WorkerInput;
  let batch: SheetRow[] = [];
  const send = async () => {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
    parentPort!.postMessage({ rows: batch } satisfies WorkerMessage);
    batch = [];
  };
  try {
    for await (const row of readSheet(file, format)) {
      batch.push(row);
      if (batch.length >= batchRows) await send();
    }
    if (batch.length) await send();
    parentPort!.postMessage({ done: true } satisfies WorkerMessage);
  } catch (err: any) {
    parentPort!.postMessage((err instanceof FileProblem ? { problem: err.message } : { error: String(err?.stack ?? err) }) satisfies WorkerMessage);
  }
}

void main();
