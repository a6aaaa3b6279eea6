/**
 * The Kaltura session (KS) the provider sends: a fixed string, or a function the host answers with a fresh one. When
 * Kaltura says the KS is invalid or expired, the provider asks the function once for another and tries again.
 *
 * What a KS reveals (public kaltura/server `alpha/lib/ks.php` and the generated clients' `generateSession`):
 * - **v1**: base64 of `<signature>|<fields>`, the fields joined by `;`: partner id, partner pattern, expiry (unix
 *   seconds), type, random, user id, privileges, …
 * - **v2**: `v2|<partner id>|<encrypted fields>`: only the partner id is readable.
 * The provider reads a v1 KS's expiry (to ask for a fresh KS before sending an expired one) and its partner and user
 * (so cached answers stay valid across a refreshed KS of the same user).
 * @packageDocumentation
 */
import { SessionExpiredError } from '../errors.js';

/** A KS, or a function that returns (a promise of) the current KS; called again when Kaltura rejects the last one. */
export type KsSource = string | (() => string | Promise<string>);

/** What a KS says about itself, when it says it. */
export interface KsInfo {
  /** `v1`, `v2`, or `opaque` (not a KS format this code reads: a test or mock KS). */
  version: 'v1' | 'v2' | 'opaque';
  partnerId?: string;
  userId?: string;
  /** When the KS stops working, ms since the epoch (v1 only). */
  expiresAt?: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard or URL-safe base64 into a Latin-1 string; undefined when it is not base64. */
function decodeBase64(text: string): string | undefined {
  const s = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return undefined;
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of s) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** Reads what `ks` reveals (see the module's notes). Never throws. */
export function parseKs(ks: string): KsInfo {
  const v2 = /^v2\|(\d+)\|/.exec(ks);
  if (v2) return { version: 'v2', partnerId: v2[1] };
  const text = decodeBase64(ks);
  const bar = text?.indexOf('|') ?? -1;
  if (text && bar > 0) {
    const fields = text.slice(bar + 1).split(';');
    const [partnerId, , expiry, , , userId] = fields;
    if (partnerId && /^\d+$/.test(partnerId) && expiry && /^\d+$/.test(expiry))
      return { version: 'v1', partnerId, userId: userId ?? '', expiresAt: Number(expiry) * 1000 };
  }
  return { version: 'opaque' };
}

/**
 * Who a KS speaks for, as a cache-key part: partner and user for a v1 KS (a refreshed KS of the same user keeps the
 * cache), the KS itself otherwise (a v2 KS hides its user, so a new KS starts a new cache).
 */
export function ksIdentity(ks: string): string {
  const info = parseKs(ks);
  return info.version === 'v1' ? `v1:${info.partnerId}:${info.userId}` : `ks:${ks}`;
}

/**
 * Holds the KS in use. `current()` gives it (asking the function the first time, and again when the last KS is known
 * to be dead or a v1 KS has passed its expiry); `refresh(failed)` is called when Kaltura rejected `failed`: it asks
 * the function once for every burst of failures and resolves with a different KS, or undefined when there is none.
 */
export class KsKeeper {
  private ks?: string;
  /** A KS Kaltura rejected and the function gave back again: the next query asks anew before sending it. */
  private dead?: string;
  private asking?: Promise<string>;

  constructor(
    private readonly source: KsSource,
    private readonly now: () => number = Date.now,
  ) {
    if (typeof source === 'string') this.ks = source;
  }

  /** Whether a new KS can be asked for. */
  get refreshable(): boolean {
    return typeof this.source === 'function';
  }

  /** The KS to send now. Rejects with {@link SessionExpiredError} when the function fails or gives no KS. */
  async current(): Promise<string> {
    const ks = this.ks;
    if (ks !== undefined && !(this.refreshable && (ks === this.dead || this.expired(ks)))) return ks;
    return this.ask();
  }

  /** Kaltura rejected `failed`: a different KS to try once more, or undefined. */
  async refresh(failed: string): Promise<string | undefined> {
    if (!this.refreshable) return undefined;
    if (this.ks !== undefined && this.ks !== failed) return this.ks; // someone else already refreshed
    if (this.dead === failed) return undefined; // asked already in this burst: the same dead KS came back
    const fresh = await this.ask();
    if (fresh === failed) {
      this.dead = failed;
      return undefined;
    }
    return fresh;
  }

  private expired(ks: string): boolean {
    const { expiresAt } = parseKs(ks);
    return expiresAt !== undefined && expiresAt <= this.now();
  }

  private ask(): Promise<string> {
    this.asking ??= (async () => {
      try {
        let value: unknown;
        try {
          value = await (this.source as () => string | Promise<string>)();
        } catch (e) {
          throw new SessionExpiredError(`Could not get a Kaltura session: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        if (typeof value !== 'string' || value.trim() === '') throw new SessionExpiredError('The ks function gave no Kaltura session');
        if (value !== this.dead) this.dead = undefined;
        this.ks = value;
        return value;
      } finally {
        this.asking = undefined;
      }
    })();
    return this.asking;
  }
}
