import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../node/install.ts';
import { privateKeyFromPem, privateKeyToPem, publicKeyFromPem, publicKeyToPem } from '../keys/pkcs8.ts';
import { gmSuite, intlSuite } from '../suite/suite.ts';
import { sm2Decrypt, sm2Encrypt } from '../sm2/encrypt.ts';
import { utf8 } from '../util/bytes.ts';
import { HAS_OPENSSL, Scratch } from '../test-support/openssl.ts';

const DISTID = 'distid:1234567812345678';

describe.skipIf(!HAS_OPENSSL)('OpenSSL 3 CLI interop: SM2 keys, signatures, encryption', () => {
  let s: Scratch;
  const msg = utf8('投标文件 bid document — OpenSSL interop\n');
  beforeAll(() => {
    s = new Scratch();
    s.write('msg', msg);
  });
  afterAll(() => s.dispose());

  it('loads a key from `openssl genpkey -algorithm SM2` and derives the same public key', () => {
    s.must('genpkey', '-algorithm', 'SM2', '-out', 'k.pem');
    s.must('pkey', '-in', 'k.pem', '-pubout', '-out', 'pub.pem');
    const key = privateKeyFromPem(s.text('k.pem'));
    expect(key.alg).toBe('sm2');
    expect(publicKeyToPem(key.publicKey)).toBe(s.text('pub.pem'));
    // Our PKCS#8 is byte-identical to OpenSSL's.
    expect(privateKeyToPem(key)).toBe(s.text('k.pem'));
    expect(publicKeyFromPem(s.text('pub.pem')).point).toEqual(key.publicKey.point);
  });

  it('[F-08] a signature made by `openssl pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:…` verifies here', () => {
    s.must('pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', 'k.pem', '-pkeyopt', DISTID, '-in', 'msg', '-out', 'sig');
    const pub = publicKeyFromPem(s.text('pub.pem'));
    expect(gmSuite.verify(pub, msg, s.read('sig'))).toBe(true);
    expect(gmSuite.verify(pub, utf8('other'), s.read('sig'))).toBe(false);
  });

  it('[F-08] a signature made here verifies with `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:…`', () => {
    const key = privateKeyFromPem(s.text('k.pem'));
    s.write('sig-here', gmSuite.sign(key, msg));
    const ok = s.openssl('pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', 'pub.pem', '-pkeyopt', DISTID, '-sigfile', 'sig-here', '-in', 'msg');
    expect(ok.stdout).toContain('Signature Verified Successfully');
    expect(ok.status).toBe(0);
    s.write('msg2', utf8('tampered'));
    const bad = s.openssl('pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', 'pub.pem', '-pkeyopt', DISTID, '-sigfile', 'sig-here', '-in', 'msg2');
    expect(bad.status).not.toBe(0);
  });

  it('a key generated and written here is read by OpenSSL, and its signatures verify there', () => {
    const key = gmSuite.generateKeyPair();
    s.write('k2.pem', privateKeyToPem(key));
    expect(s.must('pkey', '-in', 'k2.pem', '-pubout')).toBe(publicKeyToPem(key.publicKey));
    s.must('pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', 'k2.pem', '-pkeyopt', DISTID, '-in', 'msg', '-out', 'sig2');
    expect(gmSuite.verify(key.publicKey, msg, s.read('sig2'))).toBe(true);
  });

  it('[A-96] SM2 encryption (C1C3C2, GM/T 0009 DER) interoperates with `openssl pkeyutl -encrypt/-decrypt`', () => {
    const key = privateKeyFromPem(s.text('k.pem'));
    s.write('secret', utf8('0123456789abcdef0123456789abcdef'));
    s.must('pkeyutl', '-encrypt', '-pubin', '-inkey', 'pub.pem', '-in', 'secret', '-out', 'ct');
    expect(new TextDecoder().decode(sm2Decrypt(key.d, s.read('ct')))).toBe('0123456789abcdef0123456789abcdef');
    s.write('ct-here', sm2Encrypt(key.publicKey.point, utf8('wrapped here')));
    expect(s.must('pkeyutl', '-decrypt', '-inkey', 'k.pem', '-in', 'ct-here')).toBe('wrapped here');
  });

  it('P-256 keys and ECDSA-SHA256 signatures interoperate too (international suite)', () => {
    s.must('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'p.pem');
    s.must('pkey', '-in', 'p.pem', '-pubout', '-out', 'ppub.pem');
    const key = privateKeyFromPem(s.text('p.pem'));
    expect(key.alg).toBe('p256');
    expect(publicKeyToPem(key.publicKey)).toBe(s.text('ppub.pem'));
    s.must('dgst', '-sha256', '-sign', 'p.pem', '-out', 'psig', 'msg');
    expect(intlSuite.verify(key.publicKey, msg, s.read('psig'))).toBe(true);
    s.write('psig-here', intlSuite.sign(key, msg));
    expect(s.must('dgst', '-sha256', '-verify', 'ppub.pem', '-signature', 'psig-here', 'msg')).toContain('Verified OK');
  });
});
