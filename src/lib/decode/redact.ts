/**
 * Redaction of credentials and user identifiers before a paste is put in a share link. The key
 * stays and only its value becomes `[REDACTED]`, so the decoder still reads the record.
 */

/** The placeholder that replaces a secret value. */
export const REDACTED = '[REDACTED]';

/** Names of the keys whose values are secret (regular-expression alternatives). */
const KEYS = [
  'access_?token',
  'refresh_?token',
  'pay_?token',
  'open_?key',
  'pf_?key',
  'app_?key',
  'app_?secret',
  'client_?secret',
  'msdk_?key',
  'session_?key',
  's_?key',
  'sig(?:nature)?',
  'sign',
  'open_?id',
  'token',
].join('|');

/**
 * `key` + separator + value, in the forms people paste: JSON (`"key":"v"`, `"key": 123`),
 * query strings (`key=v&`), and logs (`key: v`, `key = v`, `'key': 'v'`). Key names are
 * matched case-insensitively, with or without underscores (`access_token`, `accessToken`),
 * and only as whole words, so `msg` or `signup_time` are left alone.
 */
const SECRET_PAIR = new RegExp(
  String.raw`(^|[^A-Za-z0-9_])(["']?)(${KEYS})\2(\s*[:=＝：]\s*)` +
    String.raw`(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|(\[REDACTED\]|[^\s"'&,;{}[\]()#]+))`,
  'gi',
);

/** The same keys inside JSON that is itself a JSON string (`"body":"{\"openid\":\"…\"}"`). */
const ESCAPED_PAIR = new RegExp(String.raw`(\\"(?:${KEYS})\\"\s*:\s*\\")([^\\"]*)(\\")`, 'gi');

/** Values that carry nothing secret and are kept as they are. */
const HARMLESS = /^(?:null|true|false|undefined|\[REDACTED\])?$/i;

/**
 * The text with the values of access tokens, refresh tokens, pay tokens, openkeys, pf_keys,
 * appkeys, secrets, signatures, session keys / skeys and openids replaced by `[REDACTED]`.
 */
export function redact(text: string): string {
  const unescaped = text.includes('\\"')
    ? text.replace(ESCAPED_PAIR, (whole: string, head: string, value: string, tail: string) =>
        HARMLESS.test(value) ? whole : `${head}${REDACTED}${tail}`,
      )
    : text;
  return unescaped.replace(
    SECRET_PAIR,
    (
      whole: string,
      before: string,
      keyQuote: string,
      key: string,
      separator: string,
      doubleQuoted?: string,
      singleQuoted?: string,
      bare?: string,
    ) => {
      const value = doubleQuoted ?? singleQuoted ?? bare ?? '';
      if (HARMLESS.test(value)) return whole;
      const head = `${before}${keyQuote}${key}${keyQuote}${separator}`;
      if (doubleQuoted !== undefined) return `${head}"${REDACTED}"`;
      if (singleQuoted !== undefined) return `${head}'${REDACTED}'`;
      // A bare value after a quoted key is a JSON number: quoting the placeholder keeps it JSON.
      return keyQuote === '"' ? `${head}"${REDACTED}"` : `${head}${REDACTED}`;
    },
  );
}
