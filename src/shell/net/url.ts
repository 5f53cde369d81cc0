// URLs as curl and wget take them on the command line: a scheme or none (http assumed), a host
// name, IPv4 or [IPv6] literal, an optional port, a path with query.

export interface ParsedUrl {
  scheme: 'http' | 'https';
  /** Host without brackets. */
  host: string;
  port: number;
  /** Path with query, at least "/"; no fragment. */
  path: string;
  /** host[:port] as the Host header carries it (port only when not the scheme's default). */
  hostHeader: string;
  /** The URL as curl shows it (%{url_effective}): scheme://host[:port]/path. */
  href: string;
}

export type UrlError = { error: 'scheme'; scheme: string } | { error: 'port' } | { error: 'host' };

export function parseUrl(input: string): ParsedUrl | UrlError {
  let rest = input.trim();
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (scheme !== 'http' && scheme !== 'https') return { error: 'scheme', scheme: m![1] };
  const cut = rest.search(/[/?#]/);
  let authority = cut < 0 ? rest : rest.slice(0, cut);
  let path = cut < 0 ? '' : rest.slice(cut);
  path = path.replace(/#.*$/, '');
  if (!path.startsWith('/')) path = '/' + path;
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) return { error: 'host' };
    host = authority.slice(1, end);
    const after = authority.slice(end + 1);
    if (after && !after.startsWith(':')) return { error: 'host' };
    portText = after ? after.slice(1) : undefined;
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon >= 0 ? authority.slice(0, colon) : authority;
    portText = colon >= 0 ? authority.slice(colon + 1) : undefined;
  }
  if (!host) return { error: 'host' };
  const defaultPort = scheme === 'https' ? 443 : 80;
  let port = defaultPort;
  if (portText !== undefined && portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return { error: 'port' };
    port = Number(portText);
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const hostHeader = port === defaultPort ? shownHost : `${shownHost}:${port}`;
  return { scheme: scheme as 'http' | 'https', host, port, path, hostHeader, href: `${scheme}://${hostHeader}${path}` };
}

/** A Location header against the URL that sent it. */
export function resolveLocation(base: ParsedUrl, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return `${base.scheme}://${base.hostHeader}${location}`;
  const dir = base.path.split('?')[0].replace(/[^/]*$/, '');
  return `${base.scheme}://${base.hostHeader}${dir}${location}`;
}
