import { useState } from 'react';
import type { DownloadReceipt, Fetched } from '../../api/bidder.ts';

export interface DownloadState {
  phase: 'idle' | 'recording' | 'fetching' | 'done' | 'failed';
  received: number;
  total: number;
  receipt?: DownloadReceipt;
  bytes?: Uint8Array;
  error?: unknown;
}

/** Hands bytes to the browser as a file to save. */
export function saveBytes(bytes: Uint8Array, mediaType: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * One click: record the download (the server answers with the signed receipt), then fetch the file
 * with a progress bar and save it. The bytes stay here so the receipt check can hash them.
 */
export function useDownload(
  record: () => Promise<DownloadReceipt>,
  fetchFile: (onProgress: (received: number, total: number) => void) => Promise<Fetched>,
  fallbackName: string,
) {
  const [state, setState] = useState<DownloadState>({ phase: 'idle', received: 0, total: 0 });

  const run = async () => {
    setState({ phase: 'recording', received: 0, total: 0 });
    let receipt: DownloadReceipt | undefined;
    try {
      receipt = await record();
      setState({ phase: 'fetching', received: 0, total: 0, receipt });
      const file = await fetchFile((received, total) => setState((s) => ({ ...s, received, total })));
      saveBytes(file.bytes, file.mediaType, file.fileName ?? fallbackName);
      setState({ phase: 'done', received: file.bytes.length, total: file.bytes.length, receipt, bytes: file.bytes });
      return receipt;
    } catch (error) {
      setState((s) => ({ ...s, phase: 'failed', error, receipt }));
      return undefined;
    }
  };

  return { state, run };
}
