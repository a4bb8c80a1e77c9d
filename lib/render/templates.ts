import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';

/** The project's `templates/` folder, found from this file whether it runs from `lib/` or `dist/lib/`. */
function templatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'nginx'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`templates/ not found above ${__dirname}`);
}

const cache = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders `templates/<name>` with a view-model. Templates are compiled `strict` (a missing field
 * throws instead of rendering empty) and `noEscape` (the output is not HTML).
 */
export function renderTemplate(name: string, view: object): string {
  let template = cache.get(name);
  if (!template) {
    const source = readFileSync(join(templatesDir(), name), 'utf8');
    template = Handlebars.compile(source, { strict: true, noEscape: true, preventIndent: true });
    cache.set(name, template);
  }
  return template(view);
}
