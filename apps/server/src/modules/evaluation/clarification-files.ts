import type { BlobStore } from '../../platform/storage/blob-store.ts';

/** The leading bytes of the formats an answer may attach. */
const SIGNATURES: [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** What a stored file is by its first bytes (PDF, JPEG, PNG), or null: a name's extension proves nothing. */
export async function sniffedMediaType(blobs: BlobStore, sm3: string): Promise<string | null> {
  const { stream } = await blobs.open(sm3);
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      head = Buffer.concat([head, chunk as Buffer]);
      if (head.length >= 8) break;
    }
  } finally {
    stream.destroy();
  }
  return SIGNATURES.find(([, sig]) => sig.every((b, i) => head[i] === b))?.[0] ?? null;
}
