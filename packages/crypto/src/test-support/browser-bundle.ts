import { build } from 'esbuild';

/**
 * Bundles an entry for the browser as the web app would and returns the inputs of the bundle and its
 * size: a browser-safe entry has no Node built-in and nothing of `src/node/` among them.
 */
export async function browserBundle(entry: string): Promise<{ inputs: string[]; nodeInputs: string[]; bytes: number }> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.keys(result.metafile.inputs);
  return {
    inputs,
    nodeInputs: inputs.filter((i) => i.startsWith('node:') || i.includes('/src/node/')),
    bytes: result.outputFiles[0]!.text.length,
  };
}
