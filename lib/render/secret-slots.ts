import { SecretRef, TextOrSecret } from '../model/secret';
import { RenderedFile, SecretEncoding, SecretSlot } from './file';

/**
 * Collects the secrets one file needs while it is rendered. A renderer places each secret by a
 * label (the setting it fills) and writes the returned placeholder where the value goes; the
 * engine adapter later fills the placeholders ({@link fillSecrets}). So the rendered text, the
 * plans and the review files show which secret goes where, never a value, and no renderer
 * depends on how an engine spells a reference.
 */
export class SecretSlots {
  private readonly slots: SecretSlot[] = [];

  /**
   * Places a secret and returns its placeholder.
   * @param label the setting it fills, for example `redis.password` (letters, digits, `.-_@[]`)
   */
  public place(label: string, secret: SecretRef, encoding: SecretEncoding = 'yaml-string'): string {
    if (!/^[A-Za-z0-9._@[\]-]+$/.test(label)) throw new Error(`internal: bad secret label ${label}`);
    let placeholder = `((secret:${label}))`;
    for (let i = 2; this.slots.some((s) => s.placeholder === placeholder); i++) {
      placeholder = `((secret:${label}.${i}))`;
    }
    this.slots.push({ placeholder, secret, encoding });
    return placeholder;
  }

  /** Plain text as is; a secret placed under `label`. */
  public text(label: string, value: TextOrSecret, encoding: SecretEncoding = 'yaml-string'): string {
    return SecretRef.isSecretRef(value) ? this.place(label, value, encoding) : value;
  }

  /** The slots placed so far. */
  public get list(): readonly SecretSlot[] {
    return [...this.slots];
  }

  /** A file with these slots (omitted when there are none). */
  public file(path: string, content: string, mode: string): RenderedFile {
    return this.slots.length > 0 ? { path, content, mode, secrets: this.list } : { path, content, mode };
  }
}

/** A file whose whole content is one value: a PEM certificate or key, literal or a secret. */
export function wholeFile(path: string, value: TextOrSecret, mode: string): RenderedFile {
  const slots = new SecretSlots();
  return slots.file(path, slots.text(path.replace(/^.*\//, ''), value, 'raw'), mode);
}

/**
 * A file's text with every placeholder replaced by `fill(slot)`: what the engine adapter writes
 * (cdktf: a Terraform expression; Pulumi: the resolved value, encoded). Every slot's placeholder
 * must occur in the text, or the renderer and the file disagree, which is a bug here.
 */
export function fillSecrets(file: RenderedFile, fill: (slot: SecretSlot) => string): string {
  let text = file.content;
  for (const slot of file.secrets ?? []) {
    if (!text.includes(slot.placeholder)) {
      throw new Error(`internal: ${file.path} has no ${slot.placeholder}`);
    }
    text = text.split(slot.placeholder).join(fill(slot));
  }
  return text;
}

/** Encodes a resolved secret value as a slot needs it (for engines that see the value). */
export function encodeSecretValue(value: string, encoding: SecretEncoding): string {
  return encoding === 'yaml-string' ? JSON.stringify(value) : value;
}
