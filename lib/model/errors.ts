/**
 * Errors raised while validating a spec. Every message names the property (as a path such as
 * `registry.http.tls.minimumVersion`), shows the value that was given and says what is allowed,
 * so that a user can fix the input without reading the library's source.
 */
export class SpecError extends Error {
  /** The property path that holds the bad value, for example `secure.publish.port`. */
  public readonly property: string;
  /** The value that was given (already formatted for display). */
  public readonly shown: string;
  /** What would have been accepted. */
  public readonly allowed: string;

  /**
   * @param property path of the property, for example `registry.storage.driver`
   * @param value the offending value, as given by the user
   * @param allowed a short description of what is allowed
   */
  public constructor(property: string, value: unknown, allowed: string) {
    const shown = showValue(value);
    super(`${property}: got ${shown}; ${allowed}`);
    this.name = 'SpecError';
    this.property = property;
    this.shown = shown;
    this.allowed = allowed;
  }
}

/** Keys whose values an error message never shows when it shows an object. */
const SECRET_KEY = /pass|secret|key|hash|token|credential|authorization|cookie/i;

/**
 * Formats a value for an error message. Values that look like secrets are never shown: a
 * private key, a bcrypt hash or an unresolved Terraform token is described instead of printed.
 */
export function showValue(value: unknown): string {
  if (value instanceof Redacted) return `<${value.description} (not shown)>`;
  if (typeof value === 'string') {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return '<a PEM private key (not shown)>';
    if (/^\$2[aby]?\$\d\d\$/.test(value)) return '<a bcrypt hash (not shown)>';
    return JSON.stringify(value);
  }
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    return JSON.stringify(value, (key, v: unknown) =>
      key !== '' && SECRET_KEY.test(key) && v !== undefined && v !== null ? '<not shown>' : v,
    );
  } catch {
    return String(value);
  }
}

/** A value an error message describes instead of showing (a secret given as a literal). */
export class Redacted {
  /** @param description what the value is, for example `a literal` */
  public constructor(public readonly description: string) {}
}

/** What a literal given where a secret belongs is, for a message that must not show it. */
export function describeLiteralSecret(value: string): Redacted {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return new Redacted('a PEM private key');
  if (/^\$2[aby]?\$\d\d\$/.test(value)) return new Redacted('a bcrypt hash');
  return new Redacted(`a literal ${value.length}-character value`);
}
