/**
 * Self-signed certificate for the https side, generated with `selfsigned` when the site starts.
 * One per process: generating takes a moment and every site in a process can share it.
 * Subject alternative names: 127.0.0.1, ::1, localhost and the *.cookie-demo.localhost hosts.
 */
import { generate } from 'selfsigned';
import { LOOSE_HOST, LOOSE_PARENT, LOOSE_SIBLING } from './catalogue/context';

export interface SiteCertificate {
  /** PEM certificate; pass it as `ca` to trust the site. */
  cert: string;
  /** PEM private key. */
  key: string;
  fingerprint: string;
}

let pending: Promise<SiteCertificate> | undefined;

async function make(): Promise<SiteCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 30 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 2, value: 'localhost' },
          { type: 2, value: LOOSE_HOST },
          { type: 2, value: LOOSE_SIBLING },
          { type: 2, value: `*.${LOOSE_PARENT}` },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private, fingerprint: pems.fingerprint };
}

export function siteCertificate(): Promise<SiteCertificate> {
  pending ??= make().catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}
