import { useEffect, useState } from 'react';
import { fileProblemOf, type FileProblem } from '../../../trust/keyProvider.ts';
import { loadBidSigner, type BidSigner } from './bidKey.ts';

/**
 * A certificate file and its PKCS#8 key file chosen in this browser, read into a signer once both are
 * there and match (the key never leaves the page). Picking another file drops the signer until the new
 * pair is read. `pickCert`/`pickKey` fit an antd Upload's `beforeUpload` (they keep the file local).
 */
export function useSignerFiles() {
  const [certFile, setCertFile] = useState<File>();
  const [keyFile, setKeyFile] = useState<File>();
  const [signer, setSigner] = useState<BidSigner>();
  const [problem, setProblem] = useState<FileProblem>();

  useEffect(() => {
    if (!certFile || !keyFile) return;
    let live = true;
    setProblem(undefined);
    loadBidSigner(certFile, keyFile).then(
      (s) => live && setSigner(s),
      (err: unknown) => {
        if (!live) return;
        setSigner(undefined);
        setProblem(fileProblemOf(err) ?? 'MALFORMED');
      },
    );
    return () => {
      live = false;
    };
  }, [certFile, keyFile]);

  const pick = (set: (f: File) => void) => (file: File) => {
    set(file);
    setSigner(undefined);
    return false;
  };
  return { certFile, keyFile, signer, problem, pickCert: pick(setCertFile), pickKey: pick(setKeyFile) };
}
