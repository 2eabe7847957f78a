/**
 * A network failure in words, from the error code Node puts on it (or on its `cause`,
 * as fetch and octokit wrap it): `connection refused (ECONNREFUSED)`. Undefined for
 * anything that carries no such code.
 */
const WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host'
}

export function describeNetworkError(error: unknown): string | undefined {
  for (
    let cause = error, depth = 0;
    depth < 5 && typeof cause === 'object' && cause !== null;
    depth++
  ) {
    const { code } = cause as { code?: unknown }
    if (typeof code === 'string' && code in WORDS) return `${WORDS[code]} (${code})`
    cause = (cause as { cause?: unknown }).cause
  }
  return undefined
}
