import type { EvaluationClarificationAttachment } from '@bidhall/contracts';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/** A stored file as a download, named as uploaded and carrying its SM3 for the reader to check. */
export function sendFile(reply: FastifyReply, file: { attachment: EvaluationClarificationAttachment; stream: Readable; size: number }) {
  return reply
    .type(file.attachment.mediaType)
    .header('content-length', file.size)
    .header('x-content-sm3', file.attachment.sm3)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.attachment.name)}`)
    .send(file.stream);
}
