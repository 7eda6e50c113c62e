/** Imported for its effect by the Node entry: switch primitives to OpenSSL via node:crypto. */
import { installBackend } from '../hash/backend.ts';
import { nodeBackend } from './node-backend.ts';

installBackend(nodeBackend);
